import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { createLocalData, type LocalData } from '../../src/db/local-data';
import { HjalppunktDatabase } from '../../src/db/database';
import { drainOutbox } from '../../src/sync/drain-outbox';
import type { HttpReply } from '../../src/sync/classify-response';
import type { Transport } from '../../src/sync/transport';
import type { LogEvent } from '../../src/protocol/events';
import type { Enrollment } from '../../src/protocol/sync-api';
import {
  TEST_DEVICE,
  TEST_HELP_POINT,
  questionData,
  seededRandom,
  visitEvent,
} from '../support/events';
const recordIdFor = (index: number) => `0190a000-0000-7000-8000-${String(index).padStart(12, '0')}`;

const enrollment: Enrollment = {
  collectorUrl: 'http://127.0.0.1:9',
  helpPointId: TEST_HELP_POINT,
  deviceId: TEST_DEVICE,
  token: 'a'.repeat(43),
  role: 'kiosk',
};

const opened: LocalData[] = [];
afterEach(() => opened.splice(0).forEach((data) => data.close()));

async function deviceWith(
  count: number,
  options: { enrolled?: boolean; now?: () => number; type?: 'visit' | 'question' } = {},
) {
  const indexedDB = new IDBFactory();
  const data = createLocalData({ indexedDB, IDBKeyRange, name: 'drain-test', now: options.now });
  opened.push(data);
  if (options.enrolled !== false) await data.outbox.writeEnrollment(enrollment);
  const identity = { deviceId: TEST_DEVICE, helpPointId: TEST_HELP_POINT };
  const base = visitEvent().data;
  for (let index = 0; index < count; index += 1) {
    if (options.type === 'question')
      await data.recordLog('question', questionData(recordIdFor(index)), identity);
    else await data.recordLog('visit', base as never, identity);
  }
  return { data, indexedDB };
}

/** A collector in memory: stores ids once, answers per event, like the real one. */
function fakeCollector() {
  const stored = new Set<string>();
  const answer = (events: LogEvent[]): HttpReply => ({
    status: 200,
    retryAfterMs: null,
    body: {
      receivedAt: new Date().toISOString(),
      results: events.map((event, index) => {
        const duplicate = stored.has(event.id);
        stored.add(event.id);
        return { index, id: event.id, status: duplicate ? 'duplicate' : 'accepted' };
      }),
    },
  });
  return { stored, answer };
}

const reply = (status: number, retryAfterMs: number | null = null): HttpReply => ({
  status,
  retryAfterMs,
  body: { error: { code: `code-${status}`, message: 'test' } },
});

function drainWith(data: LocalData, transport: Transport, random = () => 0.5) {
  return drainOutbox({ store: data.outbox, transportFor: () => transport, random });
}

describe('draining the outbox', () => {
  it('does nothing before the device is enrolled', async () => {
    const { data } = await deviceWith(3, { enrolled: false });
    let calls = 0;
    const outcome = await drainWith(data, async () => {
      calls += 1;
      return reply(500);
    });
    expect(outcome).toEqual({ kind: 'not-enrolled' });
    expect(calls).toBe(0);
    expect(await data.countOutbox()).toBe(3);
  });

  it('removes an entry only when the collector acknowledges it, and keeps a staff record for the tally', async () => {
    const { data } = await deviceWith(7, { type: 'question' });
    const collector = fakeCollector();
    const outcome = await drainWith(data, async (events) => collector.answer(events));
    expect(outcome).toEqual({ kind: 'done', acknowledged: 7, deadLettered: 0 });
    expect(await data.countOutbox()).toBe(0);
    expect(collector.stored.size).toBe(7);
    expect(await data.listLogs()).toHaveLength(7);
    const status = await data.outbox.readSyncStatus();
    expect(status.lastSuccessAt).not.toBeNull();
    expect(status.consecutiveFailures).toBe(0);
  });

  it('treats "duplicate" as delivered', async () => {
    const { data } = await deviceWith(2);
    const collector = fakeCollector();
    (await data.outbox.peek(10)).forEach((event) => collector.stored.add(event.id));
    const outcome = await drainWith(data, async (events) => collector.answer(events));
    expect(outcome).toMatchObject({ kind: 'done', acknowledged: 2 });
    expect(await data.countOutbox()).toBe(0);
  });

  it('keeps everything on a network error, 5xx or 429, and backs off (honouring Retry-After)', async () => {
    const { data } = await deviceWith(4);
    const failures: Transport[] = [
      async () => {
        throw new TypeError('Failed to fetch');
      },
      async () => reply(503),
      async () => reply(429, 45_000),
    ];
    for (const [attempt, transport] of failures.entries()) {
      const outcome = await drainWith(data, transport, () => 1);
      expect(outcome.kind).toBe('retry');
      const status = await data.outbox.readSyncStatus();
      expect(status.consecutiveFailures).toBe(attempt + 1);
      expect(status.lastError?.message).toBeTruthy();
      expect(await data.countOutbox()).toBe(4);
    }
    const last = await drainWith(data, async () => reply(429, 45_000));
    expect(last).toMatchObject({ kind: 'retry', delayMs: 45_000 });
    expect((await data.outbox.readSyncStatus()).nextAttemptAt).toBeGreaterThan(Date.now() + 40_000);
  });

  it('splits a batch on 413 until it fits, and dead-letters a single event that never fits', async () => {
    const { data } = await deviceWith(10);
    const collector = fakeCollector();
    const sizes: number[] = [];
    const tooBig = (await data.outbox.peek(10))[6]?.id;
    const outcome = await drainWith(data, async (events) => {
      sizes.push(events.length);
      if (events.length > 3 || events.some((event) => event.id === tooBig)) return reply(413);
      return collector.answer(events);
    });
    expect(outcome).toEqual({ kind: 'done', acknowledged: 9, deadLettered: 1 });
    expect(sizes[0]).toBe(10);
    expect(Math.max(...sizes.slice(1))).toBeLessThanOrEqual(5);
    const [dead] = await data.outbox.listDeadLetters();
    expect(dead?.id).toBe(tooBig);
    expect(dead?.reason).toContain('413');
    expect(await data.countOutbox()).toBe(0);
  });

  it('stops on 401/403 and shows that the device must be enrolled again, losing nothing', async () => {
    const { data } = await deviceWith(5);
    for (const status of [401, 403]) {
      const outcome = await drainWith(data, async () => reply(status));
      expect(outcome.kind).toBe('needs-enrollment');
      expect((await data.outbox.readSyncStatus()).needsEnrollment).toBe(true);
      expect(await data.countOutbox()).toBe(5);
      await data.outbox.writeEnrollment(enrollment);
      expect((await data.outbox.readSyncStatus()).needsEnrollment).toBe(false);
    }
    expect(await data.outbox.countDeadLetters()).toBe(0);
  });

  it('dead-letters a whole batch on another 4xx, with the reason', async () => {
    const { data } = await deviceWith(3);
    const outcome = await drainWith(data, async () => reply(422));
    expect(outcome).toEqual({ kind: 'done', acknowledged: 0, deadLettered: 3 });
    const dead = await data.outbox.listDeadLetters();
    expect(dead.map((letter) => letter.reason)).toEqual(Array(3).fill('HTTP 422 (code-422: test)'));
    expect(await data.countOutbox()).toBe(0);
    // The log itself is still there: rejected is not deleted.
    expect(dead.every((letter) => letter.event.type === 'visit')).toBe(true);
  });

  it('dead-letters only the events the collector rejected', async () => {
    const { data } = await deviceWith(4);
    const outcome = await drainWith(data, async (events) => ({
      status: 200,
      retryAfterMs: null,
      body: {
        receivedAt: new Date().toISOString(),
        results: events.map((event, index) =>
          index === 1
            ? { index, id: event.id, status: 'rejected', reason: 'help-point-mismatch' }
            : { index, id: event.id, status: 'accepted' },
        ),
      },
    }));
    expect(outcome).toEqual({ kind: 'done', acknowledged: 3, deadLettered: 1 });
    expect((await data.outbox.listDeadLetters())[0]?.reason).toBe('help-point-mismatch');
  });

  it('never acknowledges an event that a reply does not name at its own index', async () => {
    const { data } = await deviceWith(2);
    const outcome = await drainWith(data, async (events) => ({
      status: 200,
      retryAfterMs: null,
      body: {
        receivedAt: new Date().toISOString(),
        results: events.map((event, index) => ({
          index,
          id: index === 0 ? event.id : '01a1fdf6-cdd2-74a1-baa4-000000000000',
          status: 'accepted',
        })),
      },
    }));
    expect(outcome.kind).toBe('retry');
    expect(await data.countOutbox()).toBe(1);
  });
});

describe('adversarial network: every event arrives exactly once, nothing is lost', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    it(`seed ${seed}`, async () => {
      const random = seededRandom(seed);
      const { data } = await deviceWith(60 + Math.floor(random() * 60));
      const queued = (await data.outbox.peek(1000)).map((event) => event.id);
      const collector = fakeCollector();
      let commits = 0;
      let calls = 0;
      const hostile: Transport = async (events) => {
        calls += 1;
        // The first send always commits and loses the reply, so every seed covers that case.
        const roll = calls === 1 ? 0.2 : random();
        if (roll < 0.15) throw new TypeError('connection reset before the request');
        if (roll < 0.3) {
          // The collector commits, then the reply is lost: the device must re-send.
          collector.answer(events);
          commits += 1;
          throw new TypeError('connection reset after commit');
        }
        if (roll < 0.4) return reply(503);
        if (roll < 0.45) return reply(429, 1000);
        if (roll < 0.55 && events.length > 1) return reply(413);
        if (roll < 0.6) return { status: 200, retryAfterMs: null, body: '<html>proxy</html>' };
        return collector.answer(events);
      };
      let rounds = 0;
      for (; rounds < 500; rounds += 1) {
        const outcome = await drainWith(data, hostile, random);
        if (outcome.kind === 'done' && (await data.countOutbox()) === 0) break;
      }
      expect(rounds).toBeLessThan(500);
      expect(await data.countOutbox()).toBe(0);
      expect(await data.outbox.countDeadLetters()).toBe(0);
      expect([...collector.stored].sort()).toEqual([...queued].sort());
      expect(commits).toBeGreaterThan(0);
    });
  }
});

describe('storage upgrades and retention', () => {
  it('a Dexie upgrade from version 1 keeps every queued event', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('hjalppunkt', { indexedDB, IDBKeyRange });
    v1.version(1).stores({ logs: 'id, type, occurredAt', outbox: 'id, queuedAt', meta: 'key' });
    const events = [visitEvent(), visitEvent(), visitEvent()];
    await v1.table('logs').bulkAdd(
      events.map((event) => ({
        id: event.id,
        type: event.type,
        occurredAt: event.occurredAt,
        event,
      })),
    );
    await v1
      .table('outbox')
      .bulkAdd(events.map((event, index) => ({ id: event.id, queuedAt: index, attempts: 0 })));
    v1.close();

    const upgraded = new HjalppunktDatabase({ indexedDB, IDBKeyRange });
    await upgraded.open();
    expect(upgraded.verno).toBe(2);
    expect(await upgraded.outbox.count()).toBe(3);
    expect((await upgraded.logs.toArray()).map((log) => log.id).sort()).toEqual(
      events.map((event) => event.id).sort(),
    );
    expect(await upgraded.deadLetters.count()).toBe(0);
    upgraded.close();
  });

  it('purges acknowledged logs after the retention period, never queued ones', async () => {
    let clock = Date.parse('2026-10-01T10:00:00Z');
    const { data } = await deviceWith(4, { now: () => clock, type: 'question' });
    const [first, second] = await data.outbox.peek(2);
    await data.outbox.settle([first?.id ?? '', second?.id ?? ''], [], clock);
    clock += 31 * 24 * 3600_000;
    expect(await data.purgeSyncedLogs(30)).toBe(2);
    expect(await data.listLogs()).toHaveLength(2);
    expect(await data.countOutbox()).toBe(2);
  });
});
