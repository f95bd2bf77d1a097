import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { createLocalData, StorageWriteError, type LocalData } from '../../src/db/local-data';
import { HjalppunktDatabase } from '../../src/db/database';
import { getStorageHealth, reportStorageHealthy } from '../../src/db/storage-health';
import { toVisitData } from '../../src/features/session/visit-log';
import { logEventSchema } from '../../src/protocol/events';
import type { EndedSession } from '../../src/features/session/session-machine';

const session: EndedSession = {
  startedAt: Date.parse('2026-11-21T10:03:41.123Z'),
  endedAt: Date.parse('2026-11-21T10:17:05.999Z'),
  language: 'ti',
  doors: ['lara', 'testa'],
  ending: 'timed-out',
  feedback: null,
};

const opened: LocalData[] = [];
function freshLocalData(indexedDB = new IDBFactory()) {
  const data = createLocalData({ indexedDB, IDBKeyRange, name: 'visit-log-test' });
  opened.push(data);
  return { data, indexedDB };
}

afterEach(() => {
  opened.splice(0).forEach((data) => data.close());
  reportStorageHealthy();
});

describe('visit log writer', () => {
  it('keeps only minute precision and fixed codes', () => {
    expect(toVisitData(session)).toEqual({
      startedAt: '2026-11-21T10:03Z',
      endedAt: '2026-11-21T10:17Z',
      language: 'ti',
      doors: ['lara', 'testa'],
      ending: 'timed-out',
      feedback: null,
    });
  });

  it('stores one valid visit event and its outbox entry, which survive reopening the database', async () => {
    const { data, indexedDB } = freshLocalData();
    await data.recordLog('visit', toVisitData(session), {
      deviceId: await data.getDeviceId(),
      helpPointId: 'kalmar-stadsbibliotek',
    });
    data.close();

    const reopened = freshLocalData(indexedDB).data;
    const logs = await reopened.listLogs('visit');
    expect(logs).toHaveLength(1);
    const [event] = logs;
    expect(logEventSchema.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({
      type: 'visit',
      schemaVersion: 1,
      helpPointId: 'kalmar-stadsbibliotek',
      data: { language: 'ti', ending: 'timed-out' },
    });
    expect(event?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(await reopened.countOutbox()).toBe(1);
    // The device id is created once and kept.
    expect(event?.deviceId).toBe(await reopened.getDeviceId());
  });

  it('refuses a payload that could carry free text, and stores nothing', async () => {
    const { data } = freshLocalData();
    const identity = { deviceId: await data.getDeviceId(), helpPointId: 'demo' };
    const withNote = { ...toVisitData(session), note: 'Anna, 070-123 45 67' };
    await expect(data.recordLog('visit', withNote as never, identity)).rejects.toThrow();
    const withTextLanguage = { ...toVisitData(session), language: 'my name is Anna' };
    await expect(data.recordLog('visit', withTextLanguage as never, identity)).rejects.toThrow();
    await expect(
      data.recordLog('visit', toVisitData(session), { ...identity, helpPointId: 'Anna Andersson' }),
    ).rejects.toThrow();
    expect(await data.listLogs()).toHaveLength(0);
    expect(await data.countOutbox()).toBe(0);
  });

  it('writes the log and the outbox entry together or not at all', async () => {
    const indexedDB = new IDBFactory();
    const collidingId = '01a1fdf6-cdd2-74a1-baa4-25b1cefe9d69';
    // An outbox row with the id the next log will get makes the second write of the transaction fail.
    const db = new HjalppunktDatabase({ indexedDB, IDBKeyRange, name: 'visit-log-test' });
    await db.outbox.add({ id: collidingId, queuedAt: 0, attempts: 0 });
    db.close();
    const data = createLocalData({
      indexedDB,
      IDBKeyRange,
      name: 'visit-log-test',
      newId: () => collidingId,
    });
    opened.push(data);
    const identity = { deviceId: collidingId, helpPointId: 'demo' };
    await expect(data.recordLog('visit', toVisitData(session), identity)).rejects.toBeInstanceOf(
      StorageWriteError,
    );
    // The log row written first in the same transaction was rolled back with it.
    expect(await data.listLogs()).toHaveLength(0);
    expect(await data.countOutbox()).toBe(1);
  });

  it('reports a storage failure to the UI instead of swallowing it', async () => {
    const broken = {
      open: () => {
        throw Object.assign(new Error('The user denied storage'), { name: 'InvalidStateError' });
      },
    } as unknown as IDBFactory;
    const { data } = freshLocalData(broken);
    await expect(
      data.recordLog('visit', toVisitData(session), {
        deviceId: '01a1fdf6-cdd2-74a1-baa4-25b1cefe9d69',
        helpPointId: 'demo',
      }),
    ).rejects.toBeInstanceOf(StorageWriteError);
    expect(getStorageHealth().problem).toBe('unavailable');
  });
});

describe('a full disk', () => {
  it('makes room by dropping already-delivered logs, so an undelivered one is not lost', async () => {
    const indexedDB = new IDBFactory();
    const data = createLocalData({ indexedDB, IDBKeyRange, name: 'quota-test' });
    opened.push(data);
    const identity = { deviceId: await data.getDeviceId(), helpPointId: 'demo' };
    const delivered = await data.recordLog('visit', toVisitData(session), identity);
    await data.outbox.settle([delivered.id], [], Date.now());

    // The next write to the outbox fails once with the browser's quota error.
    const original = IDBObjectStore.prototype.add;
    let failures = 0;
    IDBObjectStore.prototype.add = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (this.name === 'outbox' && failures === 0) {
        failures += 1;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    };
    try {
      const kept = await data.recordLog('visit', toVisitData(session), identity);
      expect(failures).toBe(1);
      expect((await data.listLogs()).map((log) => log.id)).toEqual([kept.id]);
      expect(await data.countOutbox()).toBe(1);
    } finally {
      IDBObjectStore.prototype.add = original;
    }
  });
});
