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

export interface DeviceIdentity {
  deviceId: string;
  helpPointId: string;
}

import { StorageWriteError } from './storage-health';

export { StorageWriteError };

export interface LocalData {
  /** Builds, validates and durably stores one anonymous log; resolves with the stored event. */
  recordLog<T extends LogEventType>(
    type: T,
    data: LogDataOf<T>,
    identity: DeviceIdentity,
  ): Promise<LogEvent>;
  /** The device id, created once on first use and kept across sessions. */
  getDeviceId(): Promise<string>;
  listLogs(type?: LogEventType): Promise<LogEvent[]>;
  countOutbox(): Promise<number>;
  /** What the sync engine needs: the queue, acknowledgements, dead letters, status. */
  outbox: OutboxStore;
  /** Deletes acknowledged logs older than the retention period; returns how many. */
  purgeSyncedLogs(retentionDays: number): Promise<number>;
  readMeta<T>(key: string): Promise<T | undefined>;
  writeMeta(key: string, value: unknown): Promise<void>;
  close(): void;
}

export interface LocalDataOptions extends DatabaseOptions {
  now?: () => number;
  /** Tests pin ids to provoke collisions; the app always uses UUIDv7. */
  newId?: () => string;
}

export function createLocalData(options: LocalDataOptions = {}): LocalData {
  const { now = Date.now, newId = uuidv7, ...databaseOptions } = options;
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

  return {
    async recordLog(type, data, identity) {
      const occurredAtMs = now();
      // Parsing here (not only at the collector) keeps free text from ever reaching the disk.
      const event = logEventSchema.parse({
        id: newId(),
        type,
        schemaVersion: SCHEMA_VERSION,
        occurredAt: new Date(occurredAtMs).toISOString(),
        helpPointId: identity.helpPointId,
        deviceId: identity.deviceId,
        data,
      });
      const write = () =>
        guard(
          () =>
            db.transaction('rw', db.logs, db.outbox, async () => {
              await db.logs.add({
                id: event.id,
                type: event.type,
                occurredAt: event.occurredAt,
                event,
              });
              await db.outbox.add({ id: event.id, queuedAt: occurredAtMs, attempts: 0 });
            }),
          'write',
        );
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

    countOutbox() {
      return outbox.count();
    },

    outbox,

    purgeSyncedLogs(retentionDays) {
      const cutoff = now() - retentionDays * 24 * 60 * 60 * 1000;
      return guard(() => deleteDeliveredLogs(cutoff));
    },

    async readMeta<T>(key: string) {
      const row = await guard(() => db.meta.get(key));
      return row?.value as T | undefined;
    },

    async writeMeta(key, value) {
      await guard(() => db.meta.put({ key, value }), 'write');
    },

    close() {
      db.close();
    },
  };
}
