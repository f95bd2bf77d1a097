// `npm run bench`: start-up figures for the kiosk, from Debian's Chromium against the built app.
//  1. gzip size of the JavaScript asked for before the attract screen is interactive (budget
//     160 KB), read from the build;
//  2. median of N offline cold starts (a new browser process each time) from the service-worker
//     cache to an interactive attract screen (goal 500 ms);
//  3. the same, in the same run and in turn with the kiosk so that all see the same machine
//     load, for two baselines (bench/startup-baselines.mjs): a blank precached page, and React's
//     floor (React DOM drawing a button). Kiosk over blank is the goal's ratio (<= 2.5x); React
//     over blank is what the stack itself costs, and kiosk over React the app's own cost.
// Prints figures only; it asserts nothing. Usage: npm run bench [-- --runs 15 | --smoke]
import { chromium } from 'playwright-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startStaticServer } from '../scripts/static-server.mjs';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { buildApp, numberOption, size } from './bench-options.mjs';
import { writeBlankApp, writeReactFloorApp } from './startup-baselines.mjs';

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

/**
 * One offline cold start in a new browser process: ms from navigation to the first contentful
 * paint (what a person first sees) and to interactive (the app's mark).
 */
async function coldStart(profile, url) {
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  try {
    await context.setOffline(true);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    // The paint entry can follow the mark by a frame: wait for it.
    await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
    );
    const times = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      interactive: performance.getEntriesByName('hjalppunkt:interactive')[0]?.startTime ?? NaN,
    }));
    const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
    if (!controlled) throw new Error(`cold start of ${url} was not served by the service worker`);
    return times;
  } finally {
    await context.close();
  }
}

const root = buildApp();
const server = await startStaticServer({ root });
const blankRoot = await writeBlankApp();
const blankServer = await startStaticServer({ root: blankRoot });
const reactRoot = await writeReactFloorApp();
const reactServer = await startStaticServer({ root: reactRoot });
const profile = await mkdtemp(join(tmpdir(), 'hjalppunkt-bench-'));
const blankProfile = await mkdtemp(join(tmpdir(), 'hjalppunkt-bench-blank-'));
const reactProfile = await mkdtemp(join(tmpdir(), 'hjalppunkt-bench-react-'));

/** min, median and max of a list of milliseconds, printed. */
const spread = (values) =>
  `min ${Math.min(...values).toFixed(0)} ms, median ${median(values).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;

try {
  // 1. First visit over the network: which scripts did the page ask for before it marked the
  // attract screen interactive? Sizes are read from the build itself, so that every chunk
  // counts however it was asked for (script, module preload or dynamic import).
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const requestedBefore = await page.evaluate(() => {
    const mark = performance.getEntriesByName('hjalppunkt:interactive')[0]?.startTime ?? Infinity;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < mark && new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => new URL(entry.name).pathname);
  });
  const scripts = new Map();
  for (const path of new Set(requestedBefore)) {
    const body = await readFile(join(root, path));
    scripts.set(path, { raw: body.length, gzip: gzipSync(body).length });
  }
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.close();

  // 2. Offline cold starts, a fresh browser process each time, served by the service worker:
  // the blank page, React's floor and the kiosk in turn, so that all three see the same load.
  await install(blankProfile, blankServer.url);
  await install(reactProfile, reactServer.url);
  const coldStarts = [];
  const blankStarts = [];
  const reactStarts = [];
  for (let run = 0; run < RUNS; run += 1) {
    blankStarts.push(await coldStart(blankProfile, blankServer.url));
    reactStarts.push(await coldStart(reactProfile, reactServer.url));
    coldStarts.push(await coldStart(profile, server.url));
  }

  const gzipTotal = [...scripts.values()].reduce((sum, file) => sum + file.gzip, 0);
  const rawTotal = [...scripts.values()].reduce((sum, file) => sum + file.raw, 0);
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log(
    `\nJavaScript asked for before the attract screen is interactive (${scripts.size} files):`,
  );
  for (const [path, size] of scripts)
    console.log(
      `  ${path.padEnd(40)} ${kb(size.raw).padStart(7)} KB raw ${kb(size.gzip).padStart(7)} KB gzip`,
    );
  console.log(
    `  total: ${kb(rawTotal)} KB raw, ${kb(gzipTotal)} KB gzip (budget ${JS_BUDGET_KB} KB, ratio ${(gzipTotal / 1024 / JS_BUDGET_KB).toFixed(2)})`,
  );
  const interactive = (starts) => starts.map((start) => start.interactive);
  const painted = (starts) => starts.map((start) => start.paint);
  const kiosk = median(interactive(coldStarts));
  const blank = median(interactive(blankStarts));
  const react = median(interactive(reactStarts));
  console.log(
    `\nOffline cold starts to interactive, ${RUNS} runs each (new browser process each):`,
  );
  console.log(
    `  kiosk attract screen: ${spread(interactive(coldStarts))} (goal ${COLD_START_GOAL_MS} ms, ratio ${(kiosk / COLD_START_GOAL_MS).toFixed(2)})`,
  );
  console.log(`  blank page:           ${spread(interactive(blankStarts))}`);
  console.log(`  React floor:          ${spread(interactive(reactStarts))}`);
  console.log(
    `\nKiosk / blank page:  ${kiosk.toFixed(0)} ms / ${blank.toFixed(0)} ms = ${(kiosk / blank).toFixed(2)}x (goal <= ${RATIO_GOAL}x)`,
  );
  console.log(
    `React floor / blank: ${react.toFixed(0)} ms / ${blank.toFixed(0)} ms = ${(react / blank).toFixed(2)}x (what the stack costs before any app code)`,
  );
  console.log(
    `Kiosk / React floor: ${kiosk.toFixed(0)} ms / ${react.toFixed(0)} ms = ${(kiosk / react).toFixed(2)}x (the app's own cost)`,
  );
  // What a person sees first: the kiosk paints its attract screen (drawn into index.html at
  // build time) before the app has started.
  const kioskPaint = median(painted(coldStarts));
  const blankPaint = median(painted(blankStarts));
  console.log(`\nOffline cold starts to the first contentful paint, same runs:`);
  console.log(`  kiosk attract screen: ${spread(painted(coldStarts))}`);
  console.log(`  blank page:           ${spread(painted(blankStarts))}`);
  console.log(`  React floor:          ${spread(painted(reactStarts))}`);
  console.log(
    `Kiosk / blank page:  ${kioskPaint.toFixed(0)} ms / ${blankPaint.toFixed(0)} ms = ${(kioskPaint / blankPaint).toFixed(2)}x`,
  );
} finally {
  await server.close();
  await blankServer.close();
  await reactServer.close();
  for (const dir of [profile, blankProfile, reactProfile, blankRoot, reactRoot]) {
    await rm(dir, { recursive: true, force: true });
  }
}
