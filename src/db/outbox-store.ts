/**
 * The sync-facing half of LocalData: the queue of unacknowledged logs, acknowledgements,
 * dead letters, the enrollment and the sync status. The page and the service worker both use
 * it, over the same IndexedDB database. An entry leaves the outbox only in the same strict
 * transaction that marks its log acknowledged or moves it to the dead letters. A visitor's
 * log leaves the device in that same transaction; staff records stay for the tally.
 */
import type { HjalppunktDatabase, DeadLetter } from './database';
import type { LogEvent } from '../protocol/events';
import {
  enrollmentLinkSchema,
  enrollmentSchema,
  type Enrollment,
  type EnrollmentLink,
} from '../protocol/sync-api';
import { TIME_WINDOW_START_MS } from '../protocol/times';
import { isVisitorEventType } from '../protocol/visitor-events';
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
  /** Drains in a row that ended on a 5xx: from the second on, batches are split (poison). */
  serverErrorStreak: number;
  /** The last time the collector answered a batch with per-event results. */
  lastCollectorOkAt: number | null;
  /** Collector clock minus device clock (from the Date header), and when it was read. */
  clockSkewMs: number | null;
  clockCheckedAt: number | null;
  /** Dead letters deleted after the retention period, in all (the status view shows it). */
  deadLettersPurged: number;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  consecutiveFailures: 0,
  nextAttemptAt: null,
  needsEnrollment: false,
  serverErrorStreak: 0,
  lastCollectorOkAt: null,
  clockSkewMs: null,
  clockCheckedAt: null,
  deadLettersPurged: 0,
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
  /**
   * Events that got only 5xx when sent alone, with when that first happened. They are sent
   * one by one after the rest, so nothing else waits behind them.
   */
  serverErrorsSince(ids: readonly string[]): Promise<Map<string, number>>;
  /** Notes the first 5xx of each event sent alone (an earlier note is kept). */
  markServerError(ids: readonly string[], at: number): Promise<void>;
  /** Staff's "send again": every dead letter goes back into the outbox; returns how many. */
  requeueDeadLetters(): Promise<number>;
  /** Deletes dead letters older than the cutoff (epoch ms), and their logs; returns how many. */
  /**
   * Deletes dead letters made before `before`. A letter stamped before 2000 was stamped by a
   * clock known to be wrong: its age is unknown, so it is stamped `now` instead and kept.
   */
  purgeDeadLetters(before: number, now: number): Promise<number>;
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

function presentIds(entries: ({ id: string } | undefined)[]): string[] {
  return entries.flatMap((entry) => (entry ? [entry.id] : []));
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
          db.transaction('rw', db.outbox, db.deadLetters, db.logs, async () => {
            if (rejected.length > 0) {
              await db.deadLetters.bulkPut(
                rejected.map(({ event, reason }) => ({ id: event.id, event, reason, at })),
              );
            }
            await db.outbox.bulkDelete([...acknowledged, ...rejected.map(({ event }) => event.id)]);
            // A visitor's log has nothing left to do here once the collector holds it.
            const logs = await db.logs.bulkGet(acknowledged);
            await db.logs.bulkDelete(
              logs.flatMap((log) => (log && isVisitorEventType(log.type) ? [log.id] : [])),
            );
          }),
        'write',
      );
    },

    async serverErrorsSince(ids) {
      const entries = await guardStorage(() => db.outbox.bulkGet([...ids]));
      const since = new Map<string, number>();
      for (const entry of entries) {
        if (entry?.serverErrorSince !== undefined) since.set(entry.id, entry.serverErrorSince);
      }
      return since;
    },

    markServerError(ids, at) {
      return guardStorage(
        () =>
          db.transaction('rw', db.outbox, async () => {
            const entries = await db.outbox.bulkGet([...ids]);
            const fresh = entries.flatMap((entry) =>
              entry && entry.serverErrorSince === undefined
                ? [{ ...entry, serverErrorSince: at }]
                : [],
            );
            await db.outbox.bulkPut(fresh);
          }),
        'write',
      );
    },

    requeueDeadLetters() {
      return guardStorage(
        () =>
          db.transaction('rw', db.outbox, db.deadLetters, db.logs, async () => {
            const letters = await db.deadLetters.toArray();
            // The log is written back too: it may have been purged while it was a dead letter.
            await db.logs.bulkPut(
              letters.map(({ event }) => ({
                id: event.id,
                type: event.type,
                occurredAt: event.occurredAt,
                event,
              })),
            );
            await db.outbox.bulkPut(
              letters.map(({ event }) => ({
                id: event.id,
                queuedAt: Date.parse(event.occurredAt),
                attempts: 0,
              })),
            );
            await db.deadLetters.clear();
            return letters.length;
          }),
        'write',
      );
    },

    purgeDeadLetters(before, now) {
      return guardStorage(
        () =>
          db.transaction('rw', [db.outbox, db.deadLetters, db.logs, db.meta], async () => {
            // Without this, putting a wrong clock right would delete at once the very letters
            // that tell staff the clock was wrong.
            await db.deadLetters
              .where('at')
              .below(TIME_WINDOW_START_MS)
              .modify((letter) => {
                letter.at = now;
              });
            const ids = await db.deadLetters.where('at').below(before).primaryKeys();
            if (ids.length === 0) return 0;
            const queued = new Set(await db.outbox.bulkGet(ids).then(presentIds));
            await db.deadLetters.bulkDelete(ids);
            await db.logs.bulkDelete(ids.filter((id) => !queued.has(id)));
            const row = await db.meta.get(SYNC_STATUS_KEY);
            const status = { ...INITIAL_SYNC_STATUS, ...(row?.value as Partial<SyncStatus>) };
            await db.meta.put({
              key: SYNC_STATUS_KEY,
              value: { ...status, deadLettersPurged: status.deadLettersPurged + ids.length },
            });
            return ids.length;
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
