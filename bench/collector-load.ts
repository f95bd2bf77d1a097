/**
 * The benchmark's PostgreSQL side: a schema of its own per part (migrated by the collector's
 * own migrations), and the bulk load of generated years through COPY.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { openStore } from '../server/src/store/open-store';
import { logEventSchema, type LogEvent } from '../src/protocol/events';
import { codesOf, createKnownCodes } from '../server/src/known-codes';
import { normalisedInstant } from '../src/protocol/times';
import {
  benchHelpPoint,
  createEventMaker,
  helpPointDay,
  seededRandom,
  type HelpPointDevices,
} from './collector-generator';

export const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchSchema {
  url: string;
  sql: postgres.Sql;
  drop(): Promise<void>;
}

/** A new schema with the collector's migrations applied; drop() removes it. */
export async function createBenchSchema(label: string): Promise<BenchSchema> {
  const name = `hp_bench_${label}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE SCHEMA ${name}`);
  const url = new URL(DATABASE_URL);
  url.searchParams.set('search_path', name);
  const store = await openStore({ databaseUrl: url.toString() });
  await store.close();
  const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
  return {
    url: url.toString(),
    sql,
    async drop() {
      await sql.end();
      await admin.unsafe(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await admin.end();
    },
  };
}

/** The help points and their two devices, as rows the events can refer to. */
export async function insertHelpPoints(sql: postgres.Sql, helpPoints: HelpPointDevices[]) {
  const rows = helpPoints.flatMap((hp) => [
    { id: hp.kioskId, help_point_id: hp.helpPointId, role: 'kiosk' },
    { id: hp.staffId, help_point_id: hp.helpPointId, role: 'staff' },
  ]);
  await sql`INSERT INTO help_points ${sql(helpPoints.map((hp) => ({ id: hp.helpPointId, name: hp.helpPointId })))}`;
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((row) => ({
      ...row,
      token_hash: randomBytes(32).toString('hex'),
    }));
    await sql`INSERT INTO devices ${sql(chunk)}`;
  }
}

/** COPY's text format: backslash, tab and line breaks escaped. */
function copyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** An event as its row, in the columns the collector's insert writes. */
export function eventRow(event: LogEvent, receivedAt: string, fromDevice: string): string[] {
  return [
    event.id,
    event.type,
    String(event.schemaVersion),
    normalisedInstant(event.occurredAt),
    receivedAt,
    event.helpPointId,
    event.deviceId,
    fromDevice,
    JSON.stringify(event.data),
  ];
}

export const EVENT_COLUMNS =
  'id, type, schema_version, occurred_at, received_at, help_point_id, device_id, received_from_device, data';

export interface LoadPlan {
  helpPoints: number;
  days: number;
  perDay: number;
  /** Every nth event is checked against the shared schema and the known codes. */
  checkEvery: number;
  /** Rows per COPY statement. */
  copyRows: number;
}

/**
 * Generates `days` days (ending yesterday) for `helpPoints` help points and COPYs them in.
 * Events are delivered the evening they were made. Returns the count and the first day.
 */
export async function loadYears(sql: postgres.Sql, plan: LoadPlan) {
  const random = seededRandom(13);
  const maker = createEventMaker(random);
  const helpPoints = Array.from({ length: plan.helpPoints }, (_, i) => benchHelpPoint(i + 1));
  await insertHelpPoints(sql, helpPoints);
  const isKnown = await createKnownCodes().forHelpPoint('bench');
  const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  const firstDay = today - plan.days * 86_400_000;
  let count = 0;
  // Async, and yielding to the event loop after every help point's day, so the previous
  // chunk's COPY is sent while the next one is generated.
  async function* lines(): AsyncGenerator<string> {
    let chunk: string[] = [];
    for (let day = 0; day < plan.days; day += 1) {
      const dayMs = firstDay + day * 86_400_000;
      const receivedAt = new Date(dayMs + 18 * 3_600_000).toISOString();
      for (const hp of helpPoints) {
        for (const event of helpPointDay(maker, random, hp, dayMs, plan.perDay)) {
          if (count % plan.checkEvery === 0) {
            logEventSchema.parse(event);
            for (const code of codesOf(event))
              if (!isKnown(code.kind, code.id)) throw new Error(`unknown ${code.kind} ${code.id}`);
          }
          count += 1;
          chunk.push(eventRow(event, receivedAt, event.deviceId).map(copyText).join('\t'));
        }
        await new Promise((resolve) => setImmediate(resolve));
        if (chunk.length >= plan.copyRows) {
          yield chunk.join('\n') + '\n';
          chunk = [];
        }
      }
    }
    if (chunk.length) yield chunk.join('\n') + '\n';
  }
  // One COPY statement per chunk: the rollups are kept per statement (migration 011), so a
  // chunk's rows are summed once, and no statement has to hold 20 million rows' trigger work.
  const started = performance.now();
  let pending: Promise<void> = Promise.resolve();
  for await (const piece of lines()) {
    await pending;
    pending = (async () => {
      const writable = await sql.unsafe(`COPY events (${EVENT_COLUMNS}) FROM STDIN`).writable();
      await pipeline(Readable.from([piece]), writable);
    })();
  }
  await pending;
  const copySeconds = (performance.now() - started) / 1000;
  await sql.unsafe(
    'ANALYZE events, stat_daily, stat_monthly, stat_daily_all, stat_monthly_all, question_records',
  );
  return { count, copySeconds, firstDay: new Date(firstDay), helpPoints };
}
