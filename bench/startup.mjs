// `npm run bench`: start-up figures for the kiosk, from Debian's Chromium against the built app.
//  1. gzip size of the JavaScript loaded before the attract screen is interactive (budget 160 KB);
//  2. median of N offline cold starts (a new browser process each time) from the service-worker
//     cache to an interactive attract screen (goal 500 ms).
// Prints figures only; it asserts nothing. Usage: npm run bench [-- --runs 15 | --smoke]
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startStaticServer } from '../scripts/static-server.mjs';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { buildApp, numberOption, size } from './bench-options.mjs';

const JS_BUDGET_KB = 160;
const COLD_START_GOAL_MS = 500;
// A median needs enough runs to mean something; a smoke run only proves the path still works.
const RUNS = size(Math.max(10, numberOption('--runs', 12)), 1);
const LAUNCH = chromiumLaunchOptions();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const server = await startStaticServer({ root: buildApp() });
const profile = await mkdtemp(join(tmpdir(), 'hjalppunkt-bench-'));

try {
  // 1. First visit over the network: which scripts arrive before the attract screen is interactive?
  let context = await chromium.launchPersistentContext(profile, LAUNCH);
  let page = await context.newPage();
  const bodies = new Map();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => null);
    if (body) {
      bodies.set(new URL(response.url()).pathname, {
        raw: body.length,
        gzip: gzipSync(body).length,
      });
    }
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.waitForTimeout(500);
  // Only scripts the page asked for before it marked the attract screen interactive count.
  const requestedBefore = await page.evaluate(() => {
    const mark = performance.getEntriesByName('hjalppunkt:interactive')[0]?.startTime ?? Infinity;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < mark && new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => new URL(entry.name).pathname);
  });
  const scripts = new Map([...bodies].filter(([path]) => requestedBefore.includes(path)));
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.close();

  // 2. Offline cold starts: a fresh browser process each time, served by the service worker.
  const coldStarts = [];
  for (let run = 0; run < RUNS; run += 1) {
    context = await chromium.launchPersistentContext(profile, LAUNCH);
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const ms = await page.evaluate(
      () => performance.getEntriesByName('hjalppunkt:interactive')[0]?.startTime ?? NaN,
    );
    const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
    if (!controlled) throw new Error('cold start was not served by the service worker');
    coldStarts.push(ms);
    await context.close();
  }

  const gzipTotal = [...scripts.values()].reduce((sum, file) => sum + file.gzip, 0);
  const rawTotal = [...scripts.values()].reduce((sum, file) => sum + file.raw, 0);
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log('\nJavaScript loaded before the attract screen is interactive:');
  for (const [path, size] of scripts)
    console.log(
      `  ${path.padEnd(40)} ${kb(size.raw).padStart(7)} KB raw ${kb(size.gzip).padStart(7)} KB gzip`,
    );
  console.log(
    `  total: ${kb(rawTotal)} KB raw, ${kb(gzipTotal)} KB gzip (budget ${JS_BUDGET_KB} KB, ratio ${(gzipTotal / 1024 / JS_BUDGET_KB).toFixed(2)})`,
  );
  const med = median(coldStarts);
  console.log(
    `\nOffline cold start to interactive attract screen, ${RUNS} runs (new browser process each):`,
  );
  console.log(
    `  min ${Math.min(...coldStarts).toFixed(0)} ms, median ${med.toFixed(0)} ms, max ${Math.max(...coldStarts).toFixed(0)} ms (goal ${COLD_START_GOAL_MS} ms, ratio ${(med / COLD_START_GOAL_MS).toFixed(2)})`,
  );
} finally {
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
