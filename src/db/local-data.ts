/**
 * LocalData: the one module that faces the device's storage (after Excalidraw's LocalData).
 * Every write validates the event against the shared protocol first, then commits the log and
 * its outbox entry in a single strict-durability transaction, so a log is either fully queued
 * for delivery or not written at all. Failures are classified and reported, never swallowed.
 */
import { v7 as uuidv7 } from 'uuid';
import { HjalppunktDatabase, type DatabaseOptions } from './database';
import {
  logEventSchema,
  SCHEMA_VERSION,
  type LogDataOf,
  type LogEvent,
  type LogEventType,
} from '../protocol/events';
import { guardStorage } from './storage-health';
import { createOutboxStore, type OutboxStore } from './outbox-store';
import { correctQuestionIn, type CorrectionResult } from './question-corrections';
import { createDeviceSettings, type DeviceSettings } from './device-settings';
import { floorToMinute, isVisitorEventType } from '../protocol/visitor-events';

export interface DeviceIdentity {
  deviceId: string;
  helpPointId: string;
}

import { StorageWriteError } from './storage-health';

export { StorageWriteError };
export type { CorrectionResult };
export type { KeptCopy, StaffLockout } from './device-settings';

/** Logs, the outbox, and (from DeviceSettings) the device's own settings and kept copies. */
export interface LocalData extends DeviceSettings {
  /** Builds, validates and durably stores one anonymous log; resolves with the stored event. */
  recordLog<T extends LogEventType>(
    type: T,
    data: LogDataOf<T>,
    identity: DeviceIdentity,
  ): Promise<LogEvent>;
  /** The device id, created once on first use and kept across sessions. */
  getDeviceId(): Promise<string>;
  listLogs(type?: LogEventType): Promise<LogEvent[]>;
  /** Which of these log ids still wait in the outbox (not yet acknowledged by the collector). */
  queuedIds(ids: readonly string[]): Promise<Set<string>>;
  /**
   * Staff change or delete a question record (next = null deletes it). Versions still in the
   * outbox are taken back; if any version already reached the collector, a correcting event
   * (a new `question`, or `question-withdrawn`) is queued instead. Call it holding the outbox
   * lock (withOutboxExclusive), so no batch holding the record is in flight meanwhile.
   */
  correctQuestion(
    recordId: string,
    next: LogDataOf<'question'> | null,
    identity: DeviceIdentity,
  ): Promise<CorrectionResult>;
  countOutbox(): Promise<number>;
  /** What the sync engine needs: the queue, acknowledgements, dead letters, status. */
  outbox: OutboxStore;
  /** Deletes acknowledged logs older than the retention period; returns how many. */
  purgeSyncedLogs(retentionDays: number): Promise<number>;
  /** Deletes dead letters older than the retention period (and counts them); returns how many. */
  purgeDeadLetters(retentionDays: number): Promise<number>;
  close(): void;
}

export interface LocalDataOptions extends DatabaseOptions {
  now?: () => number;
  /**
   * Tests pin ids to provoke collisions. The app uses UUIDv7: for a visitor's log its time
   * field is cut to the minute (the rest stays random, so the id is still unique).
   */
  newId?: (epochMs: number) => string;
}

export function createLocalData(options: LocalDataOptions = {}): LocalData {
  const {
    now = Date.now,
    newId = (msecs: number) => uuidv7({ msecs }),
    ...databaseOptions
  } = options;
  const db = new HjalppunktDatabase(databaseOptions);
  let deviceIdPromise: Promise<string> | null = null;

  const guard = guardStorage;

  /** Delivered = no longer in the outbox (acknowledged) nor a dead letter (kept for staff). */
  async function deleteDeliveredLogs(occurredBefore: number): Promise<number> {
    return db.transaction('rw', db.logs, db.outbox, db.deadLetters, async () => {
      const cutoff = Number.isFinite(occurredBefore)
        ? new Date(occurredBefore).toISOString()
        : '\uffff';
      const candidates = await db.logs.where('occurredAt').below(cutoff).primaryKeys();
      const queued = new Set(await db.outbox.where('id').anyOf(candidates).primaryKeys());
      const dead = new Set(await db.deadLetters.where('id').anyOf(candidates).primaryKeys());
      const delivered = candidates.filter((id) => !queued.has(id) && !dead.has(id));
      await db.logs.bulkDelete(delivered);
      return delivered.length;
    });
  }
  const outbox = createOutboxStore(db);

  function buildEvent<T extends LogEventType>(
    type: T,
    data: LogDataOf<T>,
    identity: DeviceIdentity,
  ): LogEvent {
    // A visitor's log keeps no time finer than the minute, in its time or in its id.
    const at = isVisitorEventType(type) ? floorToMinute(now()) : now();
    // Parsing here (not only at the collector) keeps free text from ever reaching the disk.
    return logEventSchema.parse({
      id: newId(at),
      type,
      schemaVersion: SCHEMA_VERSION,
      occurredAt: new Date(at).toISOString(),
      helpPointId: identity.helpPointId,
      deviceId: identity.deviceId,
      data,
    });
  }

  /** Inside a rw transaction on logs and outbox: the log and its outbox entry together. */
  async function addQueued(event: LogEvent): Promise<void> {
    // Both requests go out at once: awaiting the first would cost a trip through the main
    // thread, which on a busy screen can wait behind a whole frame.
    await Promise.all([
      db.logs.add({ id: event.id, type: event.type, occurredAt: event.occurredAt, event }),
      db.outbox.add({ id: event.id, queuedAt: Date.parse(event.occurredAt), attempts: 0 }),
    ]);
  }

  return {
    ...createDeviceSettings(db),

    async recordLog(type, data, identity) {
      const event = buildEvent(type, data, identity);
      const write = () =>
        guard(() => db.transaction('rw', db.logs, db.outbox, () => addQueued(event)), 'write');
      try {
        await write();
      } catch (error) {
        if (!(error instanceof StorageWriteError) || error.problem !== 'quota') throw error;
        // A full disk: logs already delivered are only kept for the staff's statistics, so
        // they give way to one that has not been delivered yet. Then try once more.
        await guard(() => deleteDeliveredLogs(Number.POSITIVE_INFINITY));
        await write();
      }
      return event;
    },

    getDeviceId() {
      deviceIdPromise ??= guard(() =>
        db.transaction('rw', db.meta, async () => {
          const existing = await db.meta.get('deviceId');
          if (typeof existing?.value === 'string') return existing.value;
          const created = uuidv7();
          await db.meta.put({ key: 'deviceId', value: created });
          return created;
        }),
      ).catch((error: unknown) => {
        deviceIdPromise = null;
        throw error;
      });
      return deviceIdPromise;
    },

    async listLogs(type) {
      const rows = await guard(() =>
        type ? db.logs.where('type').equals(type).toArray() : db.logs.toArray(),
      );
      return rows.map((row) => row.event);
    },

    async queuedIds(ids) {
      const queued = await guard(() =>
        db.outbox
          .where('id')
          .anyOf([...ids])
          .primaryKeys(),
      );
      return new Set(queued);
    },

    async correctQuestion(recordId, next, identity) {
      const result = await guard(
        () =>
          db.transaction('rw', db.logs, db.outbox, () =>
            correctQuestionIn(db, recordId, {
              replacement: next && buildEvent('question', next, identity),
              withdrawal: buildEvent('question-withdrawn', { recordId }, identity),
              addQueued,
            }),
          ),
        'write',
      );
      // Not a storage failure: the record is not (or no longer) on this device.
      if (result === 'missing') throw new Error(`no such record on this device: ${recordId}`);
      return result;
    },

    countOutbox() {
      return outbox.count();
    },

    outbox,

    purgeSyncedLogs(retentionDays) {
      const cutoff = now() - retentionDays * 24 * 60 * 60 * 1000;
      return guard(() => deleteDeliveredLogs(cutoff));
    },

    purgeDeadLetters(retentionDays) {
      const at = now();
      return outbox.purgeDeadLetters(at - retentionDays * 24 * 60 * 60 * 1000, at);
    },

    close() {
      db.close();
    },
  };
}
