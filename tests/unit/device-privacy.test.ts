/**
 * Privacy on the device: a visitor's logs carry no time finer than the minute (the event id
 * included), leave the device once the collector has acknowledged them, and dead letters are
 * purged after their retention period.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createLocalData, type LocalData } from '../../src/db/local-data';
import { logEventSchema } from '../../src/protocol/events';
import { uuidV7Time, VISITOR_EVENT_TYPES } from '../../src/protocol/visitor-events';
import { TEST_DEVICE, TEST_HELP_POINT, questionData, visitEvent } from '../support/events';

const identity = { deviceId: TEST_DEVICE, helpPointId: TEST_HELP_POINT };
const DAY = 24 * 3600_000;
const opened: LocalData[] = [];
afterEach(() => opened.splice(0).forEach((data) => data.close()));

function device(now: () => number) {
  const data = createLocalData({ indexedDB: new IDBFactory(), IDBKeyRange, now });
  opened.push(data);
  return data;
}

const question = () => questionData('0190a000-0000-7000-8000-000000000009');

const VISITOR_DATA = {
  visit: visitEvent().data,
  'errand-viewed': { errandId: 'deklarera', foundBy: 'search', choice: 'phone', language: 'sv' },
  lesson: {
    lessonId: 'mouse-and-touch',
    stepsReached: 3,
    stepsTotal: 5,
    completed: false,
    scoreBand: 'none',
    language: 'sv',
  },
  'tech-tried': { itemId: 'e-reader', language: 'sv' },
  feedback: { answer: 'yes', context: 'visit', language: 'sv' },
};

describe('no time finer than the minute for a visitor', () => {
  it('cuts occurredAt and the UUIDv7 time field of every visitor log to the minute', async () => {
    const at = Date.parse('2026-11-21T10:03:41.123Z');
    const data = device(() => at);
    for (const type of VISITOR_EVENT_TYPES) {
      const event = await data
        .recordLog(type, VISITOR_DATA[type] as never, identity)
        .catch((error: unknown) => {
          throw new Error(`${type}: ${String(error)}`);
        });
      expect(event.occurredAt).toBe('2026-11-21T10:03:00.000Z');
      expect(uuidV7Time(event.id)).toBe(Date.parse('2026-11-21T10:03:00Z'));
      // The collector's schema still takes it, and the id is still a UUIDv7.
      expect(logEventSchema.safeParse(event).success).toBe(true);
    }
  });

  it('still gives every log of one minute its own id (the idempotency key)', async () => {
    const data = device(() => Date.parse('2026-11-21T10:03:41.123Z'));
    const ids = new Set<string>();
    for (let index = 0; index < 200; index += 1) {
      ids.add((await data.recordLog('visit', visitEvent().data as never, identity)).id);
    }
    expect(ids.size).toBe(200);
  });

  it('keeps a staff record at full precision (the tally is per hour, the backdating exact)', async () => {
    const data = device(() => Date.parse('2026-11-21T10:03:41.123Z'));
    const event = await data.recordLog('question', question(), identity);
    expect(event.occurredAt).toBe('2026-11-21T10:03:41.123Z');
  });
});

describe('what stays on the device', () => {
  it('a visitor log leaves once acknowledged; a staff record stays for the tally', async () => {
    const data = device(() => Date.now());
    const visit = await data.recordLog('visit', visitEvent().data as never, identity);
    const staff = await data.recordLog('question', question(), identity);
    const rejected = await data.recordLog('visit', visitEvent().data as never, identity);
    await data.outbox.settle([visit.id, staff.id], [{ event: rejected, reason: 'test' }], 0);
    expect((await data.listLogs()).map((event) => event.id).sort()).toEqual(
      [staff.id, rejected.id].sort(),
    );
    expect(await data.countOutbox()).toBe(0);
  });

  it('purges dead letters after the retention period, and counts how many', async () => {
    let clock = Date.parse('2026-01-01T10:00:00Z');
    const data = device(() => clock);
    const old = await data.recordLog('visit', visitEvent().data as never, identity);
    await data.outbox.settle([], [{ event: old, reason: 'test' }], clock);
    clock += 60 * DAY;
    const recent = await data.recordLog('visit', visitEvent().data as never, identity);
    await data.outbox.settle([], [{ event: recent, reason: 'test' }], clock);
    clock += 31 * DAY;

    expect(await data.purgeDeadLetters(90)).toBe(1);
    expect((await data.outbox.listDeadLetters()).map((letter) => letter.id)).toEqual([recent.id]);
    expect((await data.listLogs()).map((event) => event.id)).toEqual([recent.id]);
    expect(await data.purgeDeadLetters(90)).toBe(0);
    clock += 60 * DAY;
    expect(await data.purgeDeadLetters(90)).toBe(1);
    expect((await data.outbox.readSyncStatus()).deadLettersPurged).toBe(2);
  });

  it('keeps a dead letter stamped by a clock before 2000 when the clock is put right, for the full period', async () => {
    let clock = Date.parse('1999-06-01T10:00:00Z');
    const data = device(() => clock);
    const wrong = await data.recordLog('visit', visitEvent().data as never, identity);
    await data.outbox.settle([], [{ event: wrong, reason: 'clock-out-of-range: x' }], clock);
    clock = Date.parse('2026-12-04T10:00:00Z');
    expect(await data.purgeDeadLetters(90)).toBe(0);
    expect((await data.outbox.listDeadLetters()).map((letter) => letter.at)).toEqual([clock]);
    clock += 91 * DAY;
    expect(await data.purgeDeadLetters(90)).toBe(1);
  });
});
