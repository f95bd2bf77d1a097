/**
 * `npm run bench:sync`: sync figures measured side by side in one run, in Debian's Chromium
 * against the real collector over loopback.
 *  1. 10,000 queued events drained by Hjälppunkt's outbox (batches of 500). Goal ≤ 10 s.
 *  2. The same number replayed through a workbox-background-sync Queue, one request each.
 *     Goal: ours ≥ 20× faster.
 *  3. Collector ingest rate (events/s) on PGlite and on PostgreSQL.
 * Prints figures; asserts nothing. Usage: npm run bench:sync [-- --events 10000 | --smoke]
 */
import { chromium, type Page } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { v7 as uuidv7 } from 'uuid';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { startCollector, type RunningCollector } from '../server/src/start-collector';
import { EVENTS_PATH, MAX_BATCH_EVENTS } from '../src/protocol/sync-api';
import type { LogEvent } from '../src/protocol/events';
import { enrollOverHttp } from '../tests/support/enroll';
import { writeEventsInKiosk } from '../tests/support/write-outbox';
import { buildApp, numberOption, size } from './bench-options.mjs';
import { BENCH_STAFF_PIN, enrollWithSettings } from './bench-help-point';

const EVENTS = numberOption('--events', size(10_000, 100));
const INGEST_EVENTS = size(20_000, 1_000);
const HELP_POINT = 'bench-bibliotek';

function visitEvents(count: number, deviceId: string): LogEvent[] {
  const occurredAt = new Date().toISOString();
  return Array.from({ length: count }, () => ({
    id: uuidv7(),
    type: 'visit' as const,
    schemaVersion: 1 as const,
    occurredAt,
    helpPointId: HELP_POINT,
    deviceId,
    data: {
      startedAt: occurredAt.slice(0, 16) + 'Z',
      endedAt: occurredAt.slice(0, 16) + 'Z',
      language: 'sv' as const,
      doors: ['anvanda' as const],
      ending: 'finished' as const,
      feedback: 'yes' as const,
    },
  }));
}

async function ingestRate(
  collector: RunningCollector,
  token: string,
  deviceId: string,
  total: number,
) {
  const events = visitEvents(total, deviceId);
  const started = performance.now();
  for (let start = 0; start < total; start += MAX_BATCH_EVENTS) {
    const response = await fetch(new URL(EVENTS_PATH, collector.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ events: events.slice(start, start + MAX_BATCH_EVENTS) }),
    });
    if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
    await response.arrayBuffer();
  }
  const seconds = (performance.now() - started) / 1000;
  return { rate: total / seconds, seconds };
}

/** The device status view, where staff press "Sync now": behind the staff PIN on a kiosk. */
async function openStatusAsStaff(page: Page, kioskUrl: string) {
  await page.goto(`${kioskUrl}/#status`);
  await page.getByTestId('pin-input').fill(BENCH_STAFF_PIN);
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('sync-now').waitFor();
}

const work = await mkdtemp(join(tmpdir(), 'hjalppunkt-bench-sync-'));
const appDir = buildApp();
await build({
  configFile: false,
  logLevel: 'error',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: join(work, 'workbox-site'),
    emptyOutDir: true,
    lib: { entry: 'bench/workbox-queue-sw.ts', formats: ['es'], fileName: () => 'bench-sw.js' },
  },
});
await writeFile(join(work, 'workbox-site', 'index.html'), '<!doctype html><title>bench</title>');

const collector = await startCollector({ dataDir: join(work, 'collector'), rateLimit: false });
const kiosk = await startStaticServer({ root: appDir });
const workboxSite = await startStaticServer({ root: join(work, 'workbox-site') });
const context = await chromium.launchPersistentContext(
  join(work, 'profile'),
  chromiumLaunchOptions(),
);
const results: string[] = [];

try {
  // 1. Hjälppunkt's outbox.
  const page = context.pages()[0] ?? (await context.newPage());
  const enrollment = await enrollWithSettings(page, collector, kiosk.url, HELP_POINT);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await writeEventsInKiosk(page, visitEvents(EVENTS, enrollment.deviceId));
  await openStatusAsStaff(page, kiosk.url);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=status-queue]')?.textContent !== '0',
  );
  const before = await collector.countEvents();
  const oursStart = performance.now();
  await page.getByTestId('sync-now').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=sync-progress]')?.textContent?.startsWith('Klart'),
    undefined,
    { timeout: 120_000, polling: 10 },
  );
  const oursMs = performance.now() - oursStart;
  const delivered = (await collector.countEvents()) - before;
  if (delivered !== EVENTS) throw new Error(`outbox delivered ${delivered} of ${EVENTS}`);

  // 2. workbox-background-sync's Queue, one request per event, in its own service worker.
  const wbPage = await context.newPage();
  await wbPage.goto(`${workboxSite.url}/`);
  await wbPage.evaluate(async () => {
    await navigator.serviceWorker.register('/bench-sw.js', { type: 'module' });
    await navigator.serviceWorker.ready;
  });
  // Chromium stops a service-worker event after 5 minutes, so the replay runs in rounds of
  // 2,000 requests; the replay times add up.
  const workbox = { queueMs: 0, replayMs: 0 };
  const beforeWb = await collector.countEvents();
  for (let start = 0; start < EVENTS; start += 2000) {
    const round = await wbPage.evaluate(
      ({ url, token, events }) =>
        new Promise<{ queueMs: number; replayMs: number }>((resolve) => {
          navigator.serviceWorker.addEventListener('message', (event) => resolve(event.data), {
            once: true,
          });
          void navigator.serviceWorker.ready.then((registration) =>
            registration.active?.postMessage({ url, token, events }),
          );
        }),
      {
        url: new URL(EVENTS_PATH, collector.url).toString(),
        token: enrollment.token,
        events: visitEvents(Math.min(2000, EVENTS - start), enrollment.deviceId),
      },
    );
    workbox.queueMs += round.queueMs;
    workbox.replayMs += round.replayMs;
  }
  const deliveredWb = (await collector.countEvents()) - beforeWb;

  results.push(
    `Drain ${EVENTS} queued events, browser → collector (PGlite) over loopback:`,
    `  Hjälppunkt outbox (batches of ${MAX_BATCH_EVENTS}): ${(oursMs / 1000).toFixed(2)} s (${Math.round((EVENTS / oursMs) * 1000)} events/s; goal ≤ 10 s, ratio ${(oursMs / 10_000).toFixed(2)})`,
    `  workbox-background-sync Queue (1 request each): ${(workbox.replayMs / 1000).toFixed(2)} s replay (+ ${(workbox.queueMs / 1000).toFixed(2)} s to queue), ${deliveredWb} delivered`,
    `  speed-up: ${(workbox.replayMs / oursMs).toFixed(1)}× (goal ≥ 20×)`,
  );

  // 3. Ingest rate, PGlite and PostgreSQL.
  const pglite = await ingestRate(collector, enrollment.token, enrollment.deviceId, INGEST_EVENTS);
  results.push(
    `Collector ingest, ${INGEST_EVENTS.toLocaleString('en')} events in batches of ${MAX_BATCH_EVENTS} over loopback HTTP:`,
  );
  results.push(
    `  PGlite:     ${Math.round(pglite.rate)} events/s (${pglite.seconds.toFixed(2)} s)`,
  );

  const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `hp_bench_${Date.now()}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE SCHEMA ${schema}`);
    const url = new URL(baseUrl);
    url.searchParams.set('search_path', schema);
    const pg = await startCollector({ databaseUrl: url.toString(), rateLimit: false });
    try {
      const pgEnrollment = await enrollOverHttp(pg, {
        helpPointId: HELP_POINT,
        kioskUrl: kiosk.url,
      });
      const rate = await ingestRate(pg, pgEnrollment.token, pgEnrollment.deviceId, INGEST_EVENTS);
      results.push(
        `  PostgreSQL: ${Math.round(rate.rate)} events/s (${rate.seconds.toFixed(2)} s)`,
      );
    } finally {
      await pg.close();
    }
  } catch (error) {
    results.push(
      `  PostgreSQL: not measured (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
} finally {
  await context.close();
  await kiosk.close();
  await workboxSite.close();
  await collector.close();
  await rm(work, { recursive: true, force: true });
}
console.log(`\n${results.join('\n')}`);
