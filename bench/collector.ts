/**
 * `npm run bench:collector`: the collector's figures on PostgreSQL, side by side in one run.
 *  1. Dashboard query p50/p95 per main view over 3 years × 300 help points × ~60 logs a day
 *     (~20M events, generated here and loaded with COPY). Goal: p95 ≤ 200 ms.
 *  2. Ingest through the collector against a raw multi-row INSERT of the same rows into the
 *     same table and indexes. Goal: ratio ≥ 0.5.
 *  3. A national outage: 2,000 devices × 500 queued events over loopback. Goal: ≤ 3 minutes,
 *     zero lost, zero doubled (the one part that fails the run if it is not so).
 * Usage: npm run bench:collector [-- --smoke | --help-points 300 --days 1095 --per-day 60
 *   --ingest-events 100000 --devices 2000 --per-device 500 | --only ingest|outage|queries]
 */
import { openStore } from '../server/src/store/open-store';
import { numberOption, size, SMOKE } from './bench-options.mjs';
import { seededRandom } from './collector-generator';
import { measureIngest, measureOutage } from './collector-ingest';
import { createBenchSchema, loadYears } from './collector-load';
import { timeViews, viewSource } from './collector-queries';

const HELP_POINTS = numberOption('--help-points', size(300, 6));
const DAYS = numberOption('--days', size(3 * 365, 20));
const PER_DAY = numberOption('--per-day', 60);
const INGEST_EVENTS = numberOption('--ingest-events', size(100_000, 2_000));
const DEVICES = numberOption('--devices', size(2_000, 20));
const PER_DEVICE = numberOption('--per-device', size(500, 50));
const PARALLEL = numberOption('--parallel', 8);
const COPY_ROWS = numberOption('--copy-rows', size(50_000, 500));
// A municipality's 10 help points over a year: the dashboard's heavy, common case.
const GROUP = Math.min(10, HELP_POINTS);
const PERIOD_DAYS = Math.min(365, DAYS);
const ONLY = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
/** `--only ingest|outage|queries` runs one part (the full load alone takes many minutes). */
const runs = (part: string) => ONLY === null || ONLY === part;

const say = (line: string) => console.log(line);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// 2 and 3 first: they need no 20M rows, and they should not share the database with the load.
if (runs('ingest')) {
  for (const rollups of [true, false]) {
    const ingest = await measureIngest(INGEST_EVENTS, 8, PARALLEL, rollups);
    say(
      `Ingest ${rollups ? 'with the rollup trigger' : 'without rollups (both sides)'}, ` +
        `${fmt(ingest.events)} events in batches of 500, ${PARALLEL} at a time: ` +
        `collector ${fmt(ingest.collectorPerSecond)}/s, raw INSERT ${fmt(ingest.rawPerSecond)}/s, ` +
        `ratio ${fmt(ingest.ratio, 2)} (goal ≥ 0.5)`,
    );
  }
}
let failed = false;

if (runs('outage')) {
  const outage = await measureOutage(DEVICES, PER_DEVICE, Math.max(PARALLEL, 32));
  say(
    `Outage, ${fmt(outage.devices)} devices × ${fmt(PER_DEVICE)} events: drained ${fmt(outage.events)} ` +
      `in ${fmt(outage.seconds, 1)} s (${fmt(outage.perSecond)}/s, goal ≤ 180 s), ` +
      `${outage.resentBatches} batches resent, lost ${outage.lost}, doubled ${outage.doubled}`,
  );
  failed = outage.lost !== 0 || outage.doubled !== 0;
}

if (runs('queries')) {
  const schema = await createBenchSchema('years');
  const store = await openStore({ databaseUrl: schema.url });
  try {
    const load = await loadYears(schema.sql, {
      helpPoints: HELP_POINTS,
      days: DAYS,
      perDay: PER_DAY,
      checkEvery: SMOKE ? 1 : 997,
      copyRows: COPY_ROWS,
    });
    say(
      `Load: ${fmt(load.count)} events (${HELP_POINTS} help points × ${DAYS} days × ~${PER_DAY}) ` +
        `by COPY (${fmt(COPY_ROWS)} rows a statement) in ${fmt(load.copySeconds, 1)} s (${fmt(load.count / load.copySeconds)}/s)`,
    );
    const sizes = await schema.sql<{ name: string; rows: number; bytes: string }[]>`
      SELECT relname AS name, reltuples::bigint AS rows, pg_total_relation_size(oid) AS bytes
      FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'
        AND (relname = 'events' OR relname LIKE 'stat\_%') AND reltuples > 0 ORDER BY relname`;
    say(
      `Tables: ${sizes
        .map((t) => `${t.name} ${fmt(Number(t.rows))} rows ${fmt(Number(t.bytes) / 2 ** 20)} MiB`)
        .join(', ')}`,
    );
    const source = viewSource(store, schema.sql);
    // Unfiltered (the dashboard's first screen), then with a language and a channel filter.
    const filters = [{}, { language: 'sv' }, { channel: 'drop-in' }];
    for (const filter of filters) {
      const timings = await timeViews(
        source,
        load.helpPoints.map((hp) => hp.helpPointId),
        load.firstDay,
        DAYS,
        {
          samples: size(20, 2),
          group: GROUP,
          periodDays: PERIOD_DAYS,
          random: seededRandom(7),
          filter,
        },
      );
      const label = Object.entries(filter)
        .map(([name, value]) => `${name} ${value}`)
        .join(', ');
      say(
        `Dashboard queries (${source.source}), ${GROUP} help points × ${PERIOD_DAYS} days` +
          `${label ? `, ${label}` : ''}, goal p95 ≤ 200 ms:`,
      );
      for (const t of timings)
        say(
          `  ${t.view.padEnd(14)} p50 ${fmt(t.p50, 1).padStart(8)} ms   p95 ${fmt(t.p95, 1).padStart(8)} ms`,
        );
    }
  } finally {
    await store.close();
    await schema.drop();
  }
}

if (failed) {
  console.error('The outage lost or doubled events.');
  process.exit(1);
}
process.exit(0);
