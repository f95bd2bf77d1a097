/**
 * Ingest through the collector (HTTP over loopback: auth, validation, known codes, record
 * ownership, insert) against a raw multi-row INSERT of the same rows into the same table and
 * indexes; and the national outage: many devices coming back at once with a full queue.
 */
import { startCollector, type RunningCollector } from '../server/src/start-collector';
import { EVENTS_PATH, MAX_BATCH_EVENTS, type EventBatchResponse } from '../src/protocol/sync-api';
import type { LogEvent } from '../src/protocol/events';
import { exchangeLink } from '../tests/support/enroll';
import { enrollResponseSchema } from '../src/protocol/sync-api';
import { createEventMaker, helpPointDay, seededRandom } from './collector-generator';
import { EVENT_COLUMNS, createBenchSchema, eventRow } from './collector-load';

interface Device {
  deviceId: string;
  token: string;
  helpPointId: string;
}

async function enrollDevices(
  collector: RunningCollector,
  count: number,
  helpPoints: number,
): Promise<Device[]> {
  const devices: Device[] = [];
  for (let start = 0; start < count; start += 20) {
    const round = Array.from({ length: Math.min(20, count - start) }, async (_, i) => {
      const helpPointId = `bench-hp-${String(((start + i) % helpPoints) + 1).padStart(3, '0')}`;
      const { link } = await collector.enroll({ helpPointId, kioskUrl: 'http://127.0.0.1/' });
      const answer = await exchangeLink(link);
      if (!answer.ok) throw new Error(`enrollment exchange answered ${answer.status}`);
      const { enrollment } = enrollResponseSchema.parse(await answer.json());
      return { deviceId: enrollment.deviceId, token: enrollment.token, helpPointId };
    });
    devices.push(...(await Promise.all(round)));
  }
  return devices;
}

/** `perDevice` events of the last days for one device (it is both kiosk and staff here). */
function queuedEvents(device: Device, perDevice: number, seed: number): LogEvent[] {
  const random = seededRandom(seed);
  const maker = createEventMaker(random);
  const hp = {
    helpPointId: device.helpPointId,
    kioskId: device.deviceId,
    staffId: device.deviceId,
  };
  const events: LogEvent[] = [];
  const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  // Oldest day first, ending yesterday: the collector refuses times beyond tomorrow.
  for (let day = Math.ceil(perDevice / 45) + 1; events.length < perDevice && day > 0; day -= 1) {
    events.push(...helpPointDay(maker, random, hp, today - day * 86_400_000, 60));
  }
  return events.slice(0, perDevice);
}

function batchesOf<T>(list: T[], size = MAX_BATCH_EVENTS): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < list.length; i += size) batches.push(list.slice(i, i + size));
  return batches;
}

async function post(collector: RunningCollector, device: Device, events: LogEvent[]) {
  const response = await fetch(new URL(EVENTS_PATH, collector.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
    body: JSON.stringify({ events }),
  });
  if (response.status !== 200) throw new Error(`events answered ${response.status}`);
  return (await response.json()) as EventBatchResponse;
}

/** Runs `jobs` with at most `parallel` at a time. */
async function inParallel(jobs: (() => Promise<void>)[], parallel: number) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]?.();
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

export interface IngestFigures {
  events: number;
  collectorPerSecond: number;
  rawPerSecond: number;
  ratio: number;
}

/**
 * The same batches (500 events, `parallel` at a time) first as raw multi-row INSERTs, then,
 * after TRUNCATE, through the collector, into one schema: same table, same indexes, and
 * the same rollup trigger (or, with `rollups` false, neither has it).
 */
export async function measureIngest(
  total: number,
  devicesCount: number,
  parallel: number,
  rollups = true,
): Promise<IngestFigures> {
  const schema = await createBenchSchema('ingest');
  const collector = await startCollector({ databaseUrl: schema.url, rateLimit: false });
  try {
    // Without them, both sides skip the same PostgreSQL work, so what is left is the
    // collector's own share (HTTP, validation, look-ups).
    if (!rollups) await schema.sql.unsafe('ALTER TABLE events DISABLE TRIGGER events_statistics');
    const devices = await enrollDevices(collector, devicesCount, devicesCount);
    // Each device sends its batches in order (a correction after its record), devices at once.
    const work = devices.map((device, i) => ({
      device,
      batches: batchesOf(queuedEvents(device, Math.ceil(total / devicesCount), 100 + i)),
    }));
    const count = work.reduce((sum, job) => sum + job.batches.flat().length, 0);
    const width = 9;
    // The JSON column as text cast to jsonb: typed jsonb, postgres.js would encode the text
    // again and store a JSON string.
    const rawStarted = performance.now();
    await inParallel(
      work.map(({ device, batches }) => async () => {
        for (const events of batches) {
          const received = new Date().toISOString();
          const values = events
            .map(
              (_, row) =>
                `(${Array.from({ length: width }, (_, c) => `$${row * width + c + 1}${c === 8 ? '::text::jsonb' : ''}`).join(', ')})`,
            )
            .join(', ');
          await schema.sql.unsafe(
            `INSERT INTO events (${EVENT_COLUMNS}) VALUES ${values}`,
            events.flatMap((event) => eventRow(event, received, device.deviceId)),
          );
        }
      }),
      parallel,
    );
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    // The rollups and records too: the collector then starts from the state the raw INSERT did.
    await schema.sql.unsafe(
      'TRUNCATE events, stat_delta, stat_daily, stat_monthly, stat_daily_all, stat_monthly_all, question_records',
    );
    const started = performance.now();
    await inParallel(
      work.map(({ device, batches }) => async () => {
        for (const events of batches) {
          const answer = await post(collector, device, events);
          const refused = answer.results.find((result) => result.status !== 'accepted');
          if (refused) throw new Error(`ingest: ${JSON.stringify(refused)}`);
        }
      }),
      parallel,
    );
    const seconds = (performance.now() - started) / 1000;
    const stored = await collector.countEvents();
    if (stored !== count) throw new Error(`collector stored ${stored} of ${count}`);
    const collectorPerSecond = count / seconds;
    const rawPerSecond = count / rawSeconds;
    return {
      events: count,
      collectorPerSecond,
      rawPerSecond,
      ratio: collectorPerSecond / rawPerSecond,
    };
  } finally {
    await collector.close();
    await schema.drop();
  }
}

export interface OutageFigures {
  devices: number;
  events: number;
  seconds: number;
  perSecond: number;
  lost: number;
  doubled: number;
  resentBatches: number;
}

/**
 * `devicesCount` devices, each with `perDevice` queued events, all come back at once
 * (`parallel` connections). Every tenth device's first answer is "lost", so it sends that
 * batch again; every event must then be stored exactly once and answered once as accepted.
 */
export async function measureOutage(
  devicesCount: number,
  perDevice: number,
  parallel: number,
  helpPoints = 300,
): Promise<OutageFigures> {
  const schema = await createBenchSchema('outage');
  const collector = await startCollector({ databaseUrl: schema.url, rateLimit: false });
  try {
    const devices = await enrollDevices(collector, devicesCount, helpPoints);
    const queues = devices.map((device, i) => queuedEvents(device, perDevice, 1000 + i));
    const accepted = new Map<string, number>();
    let resentBatches = 0;
    let unexpected = 0;
    const started = performance.now();
    await inParallel(
      devices.map((device, i) => async () => {
        for (const [b, batch] of batchesOf(queues[i] ?? []).entries()) {
          const answer = await post(collector, device, batch);
          for (const result of answer.results) {
            if (result.status === 'accepted' && result.id)
              accepted.set(result.id, (accepted.get(result.id) ?? 0) + 1);
            else if (result.status === 'rejected')
              throw new Error(`outage: the generator made a refused event: ${result.reason}`);
          }
          if (i % 10 === 0 && b === 0) {
            resentBatches += 1;
            const again = await post(collector, device, batch);
            unexpected += again.results.filter((r) => r.status !== 'duplicate').length;
          }
        }
      }),
      parallel,
    );
    const seconds = (performance.now() - started) / 1000;
    const sent = new Set(queues.flat().map((event) => event.id));
    const storedIds = await collector.listEventIds();
    const stored = new Set(storedIds);
    const lost = [...sent].filter((id) => !stored.has(id)).length;
    // Rows beyond one per id, ids accepted twice, and resent events not answered 'duplicate'.
    const doubled =
      storedIds.length -
      stored.size +
      [...accepted.values()].filter((n) => n > 1).length +
      unexpected;
    return {
      devices: devicesCount,
      events: sent.size,
      seconds,
      perSecond: sent.size / seconds,
      lost,
      doubled,
      resentBatches,
    };
  } finally {
    await collector.close();
    await schema.drop();
  }
}
