/**
 * Poison events: an event that makes the collector answer 5xx is isolated by splitting, sent
 * alone after everything else, dead-lettered as `collector-error` after 24 hours of only 5xx,
 * and can be sent again by staff. Fake Date (vi.useFakeTimers) + fake-indexeddb.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createLocalData, type LocalData } from '../../src/db/local-data';
import {
  COLLECTOR_ERROR,
  SERVER_ERROR_BUDGET,
  drainOutbox,
  type DrainOutcome,
} from '../../src/sync/drain-outbox';
import type { HttpReply } from '../../src/sync/classify-response';
import type { Transport } from '../../src/sync/transport';
import type { LogEvent } from '../../src/protocol/events';
import { TEST_DEVICE, TEST_HELP_POINT, visitEvent } from '../support/events';
import { createCollectorClient } from '../../src/sync/collector-client';
import { wrongClockMinutes } from '../../src/sync/clock-skew';

const HOUR = 3600_000;
const identity = { deviceId: TEST_DEVICE, helpPointId: TEST_HELP_POINT };
const opened: LocalData[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse('2026-11-21T10:00:00Z'));
});
afterEach(() => {
  opened.splice(0).forEach((data) => data.close());
  vi.useRealTimers();
});

async function device(count: number) {
  const data = createLocalData({ indexedDB: new IDBFactory(), IDBKeyRange, now: () => Date.now() });
  opened.push(data);
  await data.outbox.writeEnrollment({
    collectorUrl: 'http://127.0.0.1:9',
    helpPointId: TEST_HELP_POINT,
    deviceId: TEST_DEVICE,
    token: 'a'.repeat(43),
    role: 'kiosk',
  });
  for (let index = 0; index < count; index += 1) await record(data);
  return data;
}

const record = (data: LocalData) => data.recordLog('visit', visitEvent().data as never, identity);

/** A collector that stores ids once and answers 500 to any batch holding a poisoned id. */
function collector(poisoned: Set<string>) {
  const stored = new Set<string>();
  let requests = 0;
  let serverErrors = 0;
  let down = false;
  const transport: Transport = async (events: LogEvent[]): Promise<HttpReply> => {
    requests += 1;
    if (down || events.some((event) => poisoned.has(event.id))) {
      serverErrors += 1;
      return { status: 500, retryAfterMs: null, body: { error: { code: 'internal' } } };
    }
    events.forEach((event) => stored.add(event.id));
    const results = events.map((event, index) => ({ index, id: event.id, status: 'accepted' }));
    return {
      status: 200,
      retryAfterMs: null,
      body: { receivedAt: new Date().toISOString(), results },
    };
  };
  return {
    stored,
    transport,
    stats: () => ({ requests, serverErrors }),
    setDown: (next: boolean) => (down = next),
  };
}

const drain = (data: LocalData, transport: Transport): Promise<DrainOutcome> =>
  drainOutbox({ store: data.outbox, transportFor: () => transport, random: () => 0.5 });

describe('a poison event', () => {
  it('is isolated by splitting, while the rest of its batch is delivered', async () => {
    const data = await device(40);
    const poison = (await data.outbox.peek(40))[17] as LogEvent;
    const fake = collector(new Set([poison.id]));

    // The first 5xx may be a collector that is down: back off, lose nothing.
    expect((await drain(data, fake.transport)).kind).toBe('retry');
    expect(await data.countOutbox()).toBe(40);

    // It happens again: split until the event behind it is alone.
    expect(await drain(data, fake.transport)).toEqual({
      kind: 'done',
      acknowledged: 39,
      deadLettered: 0,
      isolated: 1,
    });
    expect(fake.stored.size).toBe(39);
    expect(fake.stored.has(poison.id)).toBe(false);
    expect((await data.outbox.peek(10)).map((event) => event.id)).toEqual([poison.id]);
    expect(fake.stats().serverErrors).toBeLessThanOrEqual(SERVER_ERROR_BUDGET + 1);
  });

  it('never holds up later logs, becomes a collector-error dead letter after 24 h, and staff can send it again', async () => {
    const data = await device(6);
    const poison = (await data.outbox.peek(6))[2] as LogEvent;
    const poisoned = new Set([poison.id]);
    const fake = collector(poisoned);
    await drain(data, fake.transport);
    await drain(data, fake.transport);
    expect(fake.stored.size).toBe(5);

    // 23 hours later: new logs go straight through; the poison event is tried once, alone.
    vi.setSystemTime(Date.now() + 23 * HOUR);
    await record(data);
    const before = fake.stats().requests;
    expect(await drain(data, fake.transport)).toMatchObject({ kind: 'done', isolated: 1 });
    expect(fake.stats().requests - before).toBe(2);
    expect(fake.stored.size).toBe(6);
    expect(await data.outbox.countDeadLetters()).toBe(0);

    // Past 24 hours of only 5xx, while the collector took everything else: a dead letter.
    vi.setSystemTime(Date.now() + 2 * HOUR);
    await record(data);
    expect(await drain(data, fake.transport)).toEqual({
      kind: 'done',
      acknowledged: 1,
      deadLettered: 1,
    });
    const [letter] = await data.outbox.listDeadLetters();
    expect(letter).toMatchObject({ id: poison.id, reason: COLLECTOR_ERROR });
    expect(await data.countOutbox()).toBe(0);

    // The collector is fixed; staff send the dead letters again and they are delivered.
    poisoned.clear();
    expect(await data.outbox.requeueDeadLetters()).toBe(1);
    expect(await data.outbox.countDeadLetters()).toBe(0);
    expect(await drain(data, fake.transport)).toMatchObject({ kind: 'done', acknowledged: 1 });
    expect(fake.stored.has(poison.id)).toBe(true);
    expect(await data.countOutbox()).toBe(0);
  });

  it('a collector that is down for a day floods nothing and dead-letters nothing', async () => {
    const data = await device(300);
    const fake = collector(new Set());
    fake.setDown(true);
    for (let hour = 0; hour < 26; hour += 1) {
      const before = fake.stats().requests;
      expect((await drain(data, fake.transport)).kind).toBe('retry');
      expect(fake.stats().requests - before).toBeLessThanOrEqual(SERVER_ERROR_BUDGET + 1);
      vi.setSystemTime(Date.now() + HOUR);
    }
    expect(await data.outbox.countDeadLetters()).toBe(0);
    expect(await data.countOutbox()).toBe(300);

    // Back up: everything, the events isolated meanwhile included, is delivered.
    fake.setDown(false);
    expect(await drain(data, fake.transport)).toMatchObject({ kind: 'done', acknowledged: 300 });
    expect(fake.stored.size).toBe(300);
  });
});

describe('clock skew', () => {
  it('records how far the collector clock (its Date header) is from the device clock', async () => {
    const data = await device(2);
    const fake = collector(new Set());
    const ahead: Transport = async (events) => ({
      ...(await fake.transport(events)),
      serverDate: Date.now() + 7 * 60_000,
    });
    await drain(data, ahead);
    const status = await data.outbox.readSyncStatus();
    expect(status.clockSkewMs).toBe(7 * 60_000);
    expect(status.clockCheckedAt).toBe(Date.now());
  });

  it('also reads the Date header of the live calls (help requests, tally)', async () => {
    const seen: number[] = [];
    const collectorDate = new Date(Date.now() - 9 * 60_000).toUTCString();
    const fakeFetch = (async () =>
      new Response(JSON.stringify({ requests: [] }), {
        status: 200,
        headers: { 'content-type': 'application/json', date: collectorDate },
      })) as typeof fetch;
    const client = createCollectorClient(
      {
        collectorUrl: 'http://127.0.0.1:9',
        helpPointId: TEST_HELP_POINT,
        deviceId: TEST_DEVICE,
        token: 'a'.repeat(43),
        role: 'staff',
      },
      fakeFetch,
      (serverDate, deviceNow) => seen.push(serverDate - deviceNow),
    );
    expect((await client.listHelpRequests()).kind).toBe('ok');
    expect(seen).toEqual([-9 * 60_000]);
  });

  it('calls a clock wrong only beyond five minutes, either way', () => {
    expect(wrongClockMinutes(null)).toBeNull();
    expect(wrongClockMinutes(5 * 60_000)).toBeNull();
    expect(wrongClockMinutes(-5 * 60_000)).toBeNull();
    expect(wrongClockMinutes(5 * 60_000 + 1)).toBe(5);
    expect(wrongClockMinutes(-12 * 60_000)).toBe(-12);
  });
});
