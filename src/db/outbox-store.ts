/**
 * The sync-facing half of LocalData: the queue of unacknowledged logs, acknowledgements,
 * dead letters, the enrollment and the sync status. The page and the service worker both use
 * it, over the same IndexedDB database. An entry leaves the outbox only in the same strict
 * transaction that marks its log acknowledged or moves it to the dead letters.
 */
import type { HjalppunktDatabase, DeadLetter } from './database';
import type { LogEvent } from '../protocol/events';
import {
  enrollmentLinkSchema,
  enrollmentSchema,
  type Enrollment,
  type EnrollmentLink,
} from '../protocol/sync-api';
import { guardStorage } from './storage-health';
import { ENROLLMENT_KEY } from './storage-keys';

export interface SyncStatus {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: { at: number; message: string } | null;
  consecutiveFailures: number;
  /** Backoff: automatic triggers wait until then; "sync now" and coming online do not. */
  nextAttemptAt: number | null;
  /** 401/403 from the collector: the device must be enrolled again. */
  needsEnrollment: boolean;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  consecutiveFailures: 0,
  nextAttemptAt: null,
  needsEnrollment: false,
};

/** An enrollment link opened offline: its code is exchanged once the network is back. */
const PENDING_ENROLLMENT_KEY = 'enrollment.pending';
const SYNC_STATUS_KEY = 'sync.status';

export interface OutboxStore {
  /** The oldest queued events, in the order they were written. */
  peek(limit: number): Promise<LogEvent[]>;
  count(): Promise<number>;
  /**
   * In one strict transaction: acknowledged entries leave the outbox (their logs stay, for
   * the staff's statistics, until retention) and rejected ones move to the dead letters.
   */
  settle(
    acknowledged: string[],
    rejected: { event: LogEvent; reason: string }[],
    at: number,
  ): Promise<void>;
  countDeadLetters(): Promise<number>;
  listDeadLetters(limit?: number): Promise<DeadLetter[]>;
  readEnrollment(): Promise<Enrollment | null>;
  /**
   * Stores the enrollment and, in the same transaction, binds every queued event to the
   * enrolled device id: logs made before enrollment (or under an earlier enrollment) carry
   * another id, and the collector stores only the delivering device's own events.
   */
  writeEnrollment(enrollment: Enrollment): Promise<void>;
  /** Binds queued events again (for a log written while the enrollment was being stored). */
  bindQueuedEvents(deviceId: string): Promise<number>;
  readPendingEnrollment(): Promise<EnrollmentLink | null>;
  /** Keeps (or, with null, forgets) a link whose code still waits to be exchanged. */
  writePendingEnrollment(link: EnrollmentLink | null): Promise<void>;
  readSyncStatus(): Promise<SyncStatus>;
  updateSyncStatus(patch: Partial<SyncStatus>): Promise<SyncStatus>;
}

export function createOutboxStore(db: HjalppunktDatabase): OutboxStore {
  /** Inside a transaction over logs and outbox: rewrites queued events' deviceId. */
  const bindQueued = async (deviceId: string): Promise<number> => {
    const ids = (await db.outbox.toCollection().primaryKeys()) as string[];
    const logs = await db.logs.bulkGet(ids);
    const rebound = logs.flatMap((log) =>
      log && log.event.deviceId !== deviceId ? [{ ...log, event: { ...log.event, deviceId } }] : [],
    );
    if (rebound.length > 0) await db.logs.bulkPut(rebound);
    return rebound.length;
  };

  return {
    peek(limit) {
      return guardStorage(async () => {
        const entries = await db.outbox.orderBy('queuedAt').limit(limit).toArray();
        const logs = await db.logs.bulkGet(entries.map((entry) => entry.id));
        return logs.flatMap((log) => (log ? [log.event] : []));
      });
    },

    count() {
      return guardStorage(() => db.outbox.count());
    },

    settle(acknowledged, rejected, at) {
      return guardStorage(
        () =>
          db.transaction('rw', db.outbox, db.deadLetters, async () => {
            if (rejected.length > 0) {
              await db.deadLetters.bulkPut(
                rejected.map(({ event, reason }) => ({ id: event.id, event, reason, at })),
              );
            }
            await db.outbox.bulkDelete([...acknowledged, ...rejected.map(({ event }) => event.id)]);
          }),
        'write',
      );
    },

    countDeadLetters() {
      return guardStorage(() => db.deadLetters.count());
    },

    listDeadLetters(limit = 100) {
      return guardStorage(() => db.deadLetters.orderBy('at').reverse().limit(limit).toArray());
    },

    async readEnrollment() {
      const row = await guardStorage(() => db.meta.get(ENROLLMENT_KEY));
      const parsed = enrollmentSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : null;
    },

    async writeEnrollment(enrollment) {
      await guardStorage(
        () =>
          db.transaction('rw', db.meta, db.logs, db.outbox, async () => {
            await db.meta.put({ key: ENROLLMENT_KEY, value: enrollmentSchema.parse(enrollment) });
            await db.meta.delete(PENDING_ENROLLMENT_KEY);
            await bindQueued(enrollment.deviceId);
            const status = await db.meta.get(SYNC_STATUS_KEY);
            // A fresh enrollment clears "needs enrollment" and any backoff from the old token.
            await db.meta.put({
              key: SYNC_STATUS_KEY,
              value: {
                ...INITIAL_SYNC_STATUS,
                ...(status?.value as Partial<SyncStatus> | undefined),
                needsEnrollment: false,
                nextAttemptAt: null,
                consecutiveFailures: 0,
              },
            });
          }),
        'write',
      );
    },

    bindQueuedEvents(deviceId) {
      return guardStorage(
        () => db.transaction('rw', db.logs, db.outbox, () => bindQueued(deviceId)),
        'write',
      );
    },

    async readPendingEnrollment() {
      const row = await guardStorage(() => db.meta.get(PENDING_ENROLLMENT_KEY));
      const parsed = enrollmentLinkSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : null;
    },

    async writePendingEnrollment(link) {
      await guardStorage(async () => {
        if (link) {
          await db.meta.put({
            key: PENDING_ENROLLMENT_KEY,
            value: enrollmentLinkSchema.parse(link),
          });
        } else {
          await db.meta.delete(PENDING_ENROLLMENT_KEY);
        }
      }, 'write');
    },

    async readSyncStatus() {
      const row = await guardStorage(() => db.meta.get(SYNC_STATUS_KEY));
      return { ...INITIAL_SYNC_STATUS, ...(row?.value as Partial<SyncStatus> | undefined) };
    },

    updateSyncStatus(patch) {
      return guardStorage(
        () =>
          db.transaction('rw', db.meta, async () => {
            const row = await db.meta.get(SYNC_STATUS_KEY);
            const next = {
              ...INITIAL_SYNC_STATUS,
              ...(row?.value as Partial<SyncStatus> | undefined),
              ...patch,
            };
            await db.meta.put({ key: SYNC_STATUS_KEY, value: next });
            return next;
          }),
        'write',
      );
    },
  };
}
