// The Linux kiosk launcher (scripts/kiosk-browser.sh): started headless on the built kiosk, it
// reaches the attract screen; its per-start scratch directory (here holding the whole
// throwaway profile) exists while it runs and is gone after it exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chromium, type Browser } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.mjs';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Connects once Chromium's DevTools endpoint answers (it opens a moment after the start). */
async function connect(port: number, launcher: ChildProcess): Promise<Browser> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (launcher.exitCode !== null) throw new Error(`launcher exited: ${launcher.exitCode}`);
    try {
      return await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`no DevTools endpoint on ${port}: ${String(lastError)}`);
}

const scratchDirs = (dir: string) =>
  readdirSync(dir).filter((name) => name.startsWith('hjalppunkt-kiosk.'));

test('starts headless on the kiosk, reaches the attract screen, and leaves no profile behind', async () => {
  const server: StaticServer = await startStaticServer({ root: 'dist' });
  const temp = mkdtempSync(join(tmpdir(), 'kiosk-browser-test-'));
  const debugPort = await freePort();
  const launcher = spawn('bash', ['scripts/kiosk-browser.sh', `${server.url}/`], {
    env: {
      ...process.env,
      KIOSK_HEADLESS: '1',
      KIOSK_PROFILE: 'throwaway',
      KIOSK_DEBUG_PORT: String(debugPort),
      TMPDIR: temp,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  launcher.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', resolve));
  try {
    const browser = await connect(debugPort, launcher);
    const [context] = browser.contexts();
    const page = context?.pages()[0];
    if (!page) throw new Error('the kiosk browser opened no page');
    await expect(page.locator('[data-screen=attract]')).toBeVisible({ timeout: 20_000 });
    expect(page.url()).toBe(`${server.url}/`);
    // The scratch directory holds the throwaway profile while the browser runs.
    expect(scratchDirs(temp)).toHaveLength(1);
    const [scratch = ''] = scratchDirs(temp);
    expect(readdirSync(join(temp, scratch))).toContain('profile');

    // Stopped as systemd stops it: SIGTERM to the launcher, which stops the browser first.
    launcher.kill('SIGTERM');
    expect(await exited).toBe(143);
    await browser.close().catch(() => undefined);
    expect(scratchDirs(temp), stderr).toEqual([]);
    // The browser went with the launcher: its DevTools port no longer answers.
    await expect(fetch(`http://127.0.0.1:${debugPort}/json/version`)).rejects.toThrow();
  } finally {
    if (launcher.exitCode === null) launcher.kill('SIGKILL');
    await server.close();
    rmSync(temp, { recursive: true, force: true });
  }
});
