/**
 * The device's IndexedDB schema (Dexie). Only the storage modules in src/db use it: LocalData
 * (`local-data.ts`, the facade) and the parts it is built from, `outbox-store.ts`,
 * `question-corrections.ts` and `device-settings.ts`. The service worker has no LocalData: its drain
 * (`sync/worker-drain.ts`) opens the database only to hand it to createOutboxStore. Everything
 * else goes through LocalData, so storage errors are classified and surfaced in one place.
 */
import Dexie, { type Table } from 'dexie';
import type { LogEvent } from '../protocol/events';
import { DEFAULT_DATABASE_NAME } from './storage-keys';

/** A log as kept on the device, for the staff's own statistics and for retention. */
export interface StoredLog {
  id: string;
  type: LogEvent['type'];
  occurredAt: string;
  event: LogEvent;
}

/** One entry per log that the collector has not acknowledged yet. */
export interface OutboxEntry {
  id: string;
  queuedAt: number;
  attempts: number;
  /** When this event, sent alone, first got a 5xx (a suspected poison event). */
  serverErrorSince?: number;
}

/** A log the collector rejected: kept with the reason, shown to staff, never silently dropped. */
export interface DeadLetter {
  id: string;
  event: LogEvent;
  reason: string;
  at: number;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export interface DatabaseOptions {
  name?: string;
  /** Injected in unit tests (fake-indexeddb); the browser's own in the app. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export { DEFAULT_DATABASE_NAME };

export class HjalppunktDatabase extends Dexie {
  logs!: Table<StoredLog, string>;
  outbox!: Table<OutboxEntry, string>;
  meta!: Table<MetaEntry, string>;
  deadLetters!: Table<DeadLetter, string>;

  constructor(options: DatabaseOptions = {}) {
    super(options.name ?? DEFAULT_DATABASE_NAME, {
      // Chrome's default "relaxed" durability can report a write done before it is on disk.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores({
      logs: 'id, type, occurredAt',
      outbox: 'id, queuedAt',
      meta: 'key',
    });
    // v2 adds the dead-letter table. Adding a table keeps every row: queued events survive.
    this.version(2).stores({
      logs: 'id, type, occurredAt',
      outbox: 'id, queuedAt',
      meta: 'key',
      deadLetters: 'id, at',
    });
  }
}
