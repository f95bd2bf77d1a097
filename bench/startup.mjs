// `npm run bench`: start-up figures for the kiosk, from Debian's Chromium against the built app.
//  1. gzip size of the JavaScript loaded before the attract screen is interactive (budget 160 KB);
//  2. median of N offline cold starts (a new browser process each time) from the service-worker
//     cache to an interactive attract screen (goal 500 ms);
//  3. the same for a blank precached page (one HTML file and one script behind a cache-first
//     service worker, served by the same server), measured in the same run, alternating with
//     the kiosk so that both see the same machine load: the kiosk's median over the blank
//     page's is the figure that tells the app's own cost (goal <= 2.5x).
// Prints figures only; it asserts nothing. Usage: npm run bench [-- --runs 15 | --smoke]
import { chromium } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startStaticServer } from '../scripts/static-server.mjs';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { buildApp, numberOption, size } from './bench-options.mjs';

const JS_BUDGET_KB = 160;
const COLD_START_GOAL_MS = 500;
const RATIO_GOAL = 2.5;
// A median needs enough runs to mean something; a smoke run only proves the path still works.
const RUNS = size(Math.max(10, numberOption('--runs', 12)), 1);
const LAUNCH = chromiumLaunchOptions();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The baseline: the least a precached page can do, marked the way the kiosk marks itself. */
async function writeBlankApp() {
  const dir = await mkdtemp(join(tmpdir(), 'hjalppunkt-blank-'));
  const files = {
    'index.html':
      '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Blank</title>' +
      '<script type="module" src="/app.js"></script></head><body></body></html>',
    'app.js': [
      "document.body.textContent = 'Blank';",
      "performance.mark('hjalppunkt:interactive');",
      "document.documentElement.dataset.ready = 'true';",
      "navigator.serviceWorker.register('/sw.js');",
    ].join('\n'),
    'sw.js': [
      "const FILES = ['/', '/app.js'];",
      "self.addEventListener('install', (e) => { self.skipWaiting(); e.waitUntil(caches.open('blank').then((c) => c.addAll(FILES))); });",
      "self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));",
      "self.addEventListener('fetch', (e) => { const url = new URL(e.request.url); const key = e.request.mode === 'navigate' ? '/' : url.pathname;",
      '  e.respondWith(caches.match(key).then((hit) => hit ?? fetch(e.request))); });',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** Visits once online, until the service worker controls the page (and has cached the app). */
async function install(profile, url) {
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
  await context.close();
}

/** One offline cold start in a new browser process: ms from navigation to interactive. */
async function coldStart(profile, url) {
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  try {
    await context.setOffline(true);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const ms = await page.evaluate(
      () => performance.getEntriesByName('hjalppunkt:interactive')[0]?.startTime ?? NaN,
    );
    const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
    if (!controlled) throw new Error(`cold start of ${url} was not served by the service worker`);
    return ms;
  } finally {
    await context.close();
  }
}

const server = await startStaticServer({ root: buildApp() });
const blankRoot = await writeBlankApp();
const blankServer = await startStaticServer({ root: blankRoot });
const profile = await mkdtemp(join(tmpdir(), 'hjalppunkt-bench-'));
const blankProfile = await mkdtemp(join(tmpdir(), 'hjalppunkt-bench-blank-'));

try {
  // 1. First visit over the network: which scripts arrive before the attract screen is interactive?
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  const page = await context.newPage();
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

  // 2 and 3. Offline cold starts, a fresh browser process each time, served by the service
  // worker: the blank page and the kiosk in turn.
  await install(blankProfile, blankServer.url);
  const coldStarts = [];
  const blankStarts = [];
  for (let run = 0; run < RUNS; run += 1) {
    blankStarts.push(await coldStart(blankProfile, blankServer.url));
    coldStarts.push(await coldStart(profile, server.url));
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
  const blank = median(blankStarts);
  console.log(`\nBlank precached page (one HTML file, one script, cache-first worker), same run:`);
  console.log(
    `  min ${Math.min(...blankStarts).toFixed(0)} ms, median ${blank.toFixed(0)} ms, max ${Math.max(...blankStarts).toFixed(0)} ms`,
  );
  console.log(
    `\nKiosk / blank page: ${med.toFixed(0)} ms / ${blank.toFixed(0)} ms = ${(med / blank).toFixed(2)}x (goal <= ${RATIO_GOAL}x)`,
  );
} finally {
  await server.close();
  await blankServer.close();
  for (const dir of [profile, blankProfile, blankRoot]) {
    await rm(dir, { recursive: true, force: true });
  }
}
