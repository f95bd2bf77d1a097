/**
 * Debian's Chromium as a separate process with a persistent profile, reached over CDP, so a
 * test can kill it outright (SIGKILL, as a power cut or crash would) and start it again on
 * the same profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

export interface KillableChromium {
  browser: Browser;
  context: BrowserContext;
  kill(): Promise<void>;
}

export async function launchKillableChromium(profileDir: string): Promise<KillableChromium> {
  const child: ChildProcess = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [...CHROMIUM_ARGS, `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('Chromium did not start')), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = buffered.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', () => reject(new Error('Chromium exited during start-up')));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('no default context');
  return {
    browser,
    context,
    async kill() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      await browser.close().catch(() => undefined);
    },
  };
}
