/**
 * `npm run bench:staff`: in Debian's Chromium with an on-disk profile, the time from the
 * choice that completes a question record to its strict-durability commit in IndexedDB
 * (goal: p95 ≤ 25 ms). Prints figures; asserts nothing.
 */
import { chromium } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';

const WARM_UP = 20;
const RECORDS = 300;
const GOAL_MS = 25;

const work = await mkdtemp(join(tmpdir(), 'hjalppunkt-bench-staff-'));
await build({
  configFile: false,
  logLevel: 'error',
  build: {
    outDir: join(work, 'site'),
    emptyOutDir: true,
    lib: { entry: 'bench/staff-entry.ts', formats: ['es'], fileName: () => 'staff.js' },
  },
});
await writeFile(
  join(work, 'site', 'index.html'),
  '<!doctype html><title>bench</title><script type="module" src="/staff.js"></script>',
);
const server = await startStaticServer({ root: join(work, 'site') });
// A persistent profile: IndexedDB on disk, so "strict" means what it says.
const context = await chromium.launchPersistentContext(
  join(work, 'profile'),
  chromiumLaunchOptions(),
);

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;

try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.waitForFunction(() => 'runStaffBench' in window);
  const run = (records: number) =>
    page.evaluate(
      (count) =>
        (window as unknown as { runStaffBench: (n: number) => Promise<number[]> }).runStaffBench(
          count,
        ),
      records,
    );
  await run(WARM_UP);
  const times = (await run(RECORDS)).sort((a, b) => a - b);
  const p95 = percentile(times, 0.95);
  console.log(
    `\nQuestion record, completing choice → strict IndexedDB commit (${RECORDS} records, after ${WARM_UP} warm-up):`,
  );
  console.log(
    `  median ${percentile(times, 0.5).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${(times.at(-1) ?? NaN).toFixed(2)} ms (goal ≤ ${GOAL_MS} ms, ratio ${(p95 / GOAL_MS).toFixed(2)})`,
  );
} finally {
  await context.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
