/**
 * Staff corrections against storage (Dexie on fake-indexeddb): a record is taken back while
 * nothing of it has been delivered, and corrected by a new event once something has. An
 * adversarial run interleaves saves, edits, deletes and partial deliveries at random and
 * checks that the collector, applying its own rule to what it received, ends up with exactly
 * the records the device shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { createLocalData, type LocalData } from '../../src/db/local-data';
import { withDrainLock, withOutboxExclusive } from '../../src/sync/drain-lock';
import { questionRecords } from '../../src/features/staff/tagging/today-records';
import {
  newDraft,
  toQuestionData,
  type QuestionData,
} from '../../src/features/staff/tagging/tag-record';
import { HELP_TOPICS, OUTCOMES, TIME_SPENT } from '../../src/protocol/vocabulary';
import type { LogEvent } from '../../src/protocol/events';
import { TEST_DEVICE, TEST_HELP_POINT, seededRandom } from '../support/events';

const identity = { deviceId: TEST_DEVICE, helpPointId: TEST_HELP_POINT };
const opened: LocalData[] = [];
afterEach(() => opened.splice(0).forEach((data) => data.close()));

function device() {
  let clock = Date.parse('2026-11-21T09:00:00Z');
  const data = createLocalData({
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    name: 'corrections',
    now: () => (clock += 1000),
  });
  opened.push(data);
  return data;
}

function question(recordId: string, pick: number): QuestionData {
  const draft = newDraft(Date.parse('2026-11-21T10:00:00Z'), {
    language: 'sv',
    channel: 'drop-in',
  });
  return toQuestionData(
    {
      ...draft,
      helpedWith: [HELP_TOPICS[pick % HELP_TOPICS.length] ?? 'other'],
      timeSpent: TIME_SPENT[pick % TIME_SPENT.length] ?? 'under-5',
      outcome: OUTCOMES.filter((o) => o !== 'referred')[pick % 4] ?? 'solved',
      count: 1 + (pick % 5),
    },
    recordId,
  );
}

/** Delivers the oldest `limit` queued events, as a drain would, and returns them. */
async function deliver(data: LocalData, limit: number): Promise<LogEvent[]> {
  const batch = await data.outbox.peek(limit);
  await data.outbox.settle(
    batch.map((event) => event.id),
    [],
    Date.now(),
  );
  return batch;
}

async function localRecords(data: LocalData) {
  const events = [
    ...(await data.listLogs('question')),
    ...(await data.listLogs('question-withdrawn')),
  ];
  return questionRecords(events, await data.queuedIds(events.map((event) => event.id)));
}

describe('correcting a question record', () => {
  it('takes back an edit or a deletion while nothing has been sent', async () => {
    const data = device();
    const recordId = uuidv7();
    await data.recordLog('question', question(recordId, 1), identity);
    expect(await data.correctQuestion(recordId, question(recordId, 2), identity)).toBe(
      'taken-back',
    );
    const queued = await data.outbox.peek(10);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.data).toEqual(question(recordId, 2));

    expect(await data.correctQuestion(recordId, null, identity)).toBe('taken-back');
    expect(await data.outbox.count()).toBe(0);
    expect(await data.listLogs('question-withdrawn')).toEqual([]);
    expect(await localRecords(data)).toEqual([]);
  });

  it('sends a correcting event once the record has been delivered', async () => {
    const data = device();
    const recordId = uuidv7();
    await data.recordLog('question', question(recordId, 1), identity);
    await deliver(data, 10);
    expect(await data.correctQuestion(recordId, question(recordId, 3), identity)).toBe(
      'correction-queued',
    );
    const [edit] = await data.outbox.peek(10);
    expect(edit?.type).toBe('question');
    expect(edit?.type === 'question' && edit.data.recordId).toBe(recordId);

    // Deleting now: the unsent edit is taken back, and a withdrawal goes instead.
    expect(await data.correctQuestion(recordId, null, identity)).toBe('correction-queued');
    const queued = await data.outbox.peek(10);
    expect(queued.map((event) => event.type)).toEqual(['question-withdrawn']);
    expect(await localRecords(data)).toEqual([]);
  });

  it('refuses a record this device does not have', async () => {
    const data = device();
    await expect(data.correctQuestion(uuidv7(), null, identity)).rejects.toThrow(/no such record/);
  });

  it('waits for a drain in flight before changing the outbox', async () => {
    const order: string[] = [];
    let finishDrain = () => {};
    const drain = withDrainLock(
      () =>
        new Promise<void>((resolve) => {
          order.push('drain started');
          finishDrain = () => {
            order.push('drain settled');
            resolve();
          };
        }),
    );
    const correction = withOutboxExclusive(async () => {
      order.push('correction');
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual(['drain started']);
    expect(await withDrainLock(async () => 'ran')).toBe('busy');
    finishDrain();
    await Promise.all([drain, correction]);
    expect(order).toEqual(['drain started', 'drain settled', 'correction']);
  });

  it('random saves, edits, deletes and deliveries leave the collector with what staff see', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const random = seededRandom(seed);
      const data = device();
      const received: LogEvent[] = [];
      const live: string[] = [];
      for (let step = 0; step < 60; step += 1) {
        const roll = random();
        const pick = Math.floor(random() * 1000);
        const target = live[Math.floor(random() * live.length)];
        if (roll < 0.35 || !target) {
          const recordId = uuidv7();
          await data.recordLog('question', question(recordId, pick), identity);
          live.push(recordId);
        } else if (roll < 0.6) {
          await data.correctQuestion(target, question(target, pick), identity);
        } else if (roll < 0.75) {
          await data.correctQuestion(target, null, identity);
          live.splice(live.indexOf(target), 1);
        } else {
          received.push(...(await deliver(data, 1 + Math.floor(random() * 4))));
        }
      }
      received.push(...(await deliver(data, 10_000)));
      // The collector's view: every received event is a delivered fact, nothing is queued.
      const collector = questionRecords(received, new Set());
      const staff = await localRecords(data);
      const shape = (records: typeof staff) =>
        records
          .map((record) => ({ recordId: record.recordId, data: record.data }))
          .sort((a, b) => a.recordId.localeCompare(b.recordId));
      expect(shape(collector), `seed ${seed}`).toEqual(shape(staff));
      expect(staff.map((record) => record.recordId).sort()).toEqual([...live].sort());
      expect(staff.every((record) => record.sent)).toBe(true);
      data.close();
    }
  });
});
