// `npm run bench:lighthouse`: Lighthouse 12 (mobile, its default configuration) against the
// static server `npm start` serves the kiosk with, on the built app, with Debian's Chromium.
// Prints performance, accessibility and best practices with FCP, LCP, TBT and CLS, each the
// median of 3 runs (goals: performance >= 0.98, accessibility 1.0, best practices 1.0).
// Prints figures only; it asserts nothing. Usage: npm run bench:lighthouse [-- --runs 5 | --smoke]
// A smoke run does one run of the performance category's FCP audit only, to prove the path.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { startStaticServer } from '../scripts/static-server.mjs';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { buildApp, numberOption, size, SMOKE } from './bench-options.mjs';

const RUNS = size(numberOption('--runs', 3), 1);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const GOALS = { performance: 0.98, accessibility: 1, 'best-practices': 1 };
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
};

const median = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Debian's Chromium with the project's flags and a throwaway profile, driven over CDP. */
async function launchChromium(profile) {
  const { executablePath, args } = chromiumLaunchOptions();
  const child = spawn(
    executablePath,
    [...args, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('Chromium did not start')), 30_000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  // Closing waits for the process to end: it writes into the profile until then.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    port,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const server = await startStaticServer({ root: buildApp() });
const profile = await mkdtemp(join(tmpdir(), 'hjalppunkt-lighthouse-'));
const chromium = await launchChromium(profile);
const runs = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    // Lighthouse clears the origin's storage (and so the service worker) before each run.
    const result = await lighthouse(`${server.url}/`, {
      port: chromium.port,
      logLevel: 'error',
      output: 'json',
      ...(SMOKE ? { onlyAudits: [METRICS.FCP] } : { onlyCategories: CATEGORIES }),
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    runs.push(lhr);
    const failing = Object.values(lhr.audits)
      .filter(
        (audit) =>
          audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative',
      )
      .filter((audit) => !Object.values(METRICS).includes(audit.id))
      .map((audit) => audit.id);
    console.log(`run ${run + 1}: audits below full score: ${failing.join(', ') || 'none'}`);
  }
} finally {
  await chromium.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}

const version = runs[0]?.lighthouseVersion ?? '?';
// The simulated phone's CPU is this machine's, four times slower: a slower or busier host
// gives longer tasks and a higher total blocking time. Lighthouse's own measure of the host:
const hostIndex = median(runs.map((lhr) => lhr.environment?.benchmarkIndex ?? NaN));
console.log(
  `\nLighthouse ${version}, mobile (default configuration), median of ${runs.length} runs (host benchmark index ${Math.round(hostIndex)}):`,
);
for (const category of CATEGORIES) {
  const score = median(runs.map((lhr) => lhr.categories[category]?.score ?? NaN));
  if (Number.isNaN(score)) continue;
  console.log(
    `  ${category.padEnd(16)} ${score.toFixed(2)} (goal >= ${GOALS[category].toFixed(2)})`,
  );
}
for (const [label, id] of Object.entries(METRICS)) {
  const value = median(runs.map((lhr) => lhr.audits[id]?.numericValue ?? NaN));
  if (Number.isNaN(value)) continue;
  const shown = id === METRICS.CLS ? value.toFixed(3) : `${Math.round(value)} ms`;
  console.log(`  ${label.padEnd(16)} ${shown}`);
}
