/**
 * The page's sync wiring, loaded after the first screen: the scheduler and its triggers,
 * Background Sync registration, retention, and a status snapshot for the staff view.
 */
import type { LocalData } from '../../db/local-data';
import type { DeviceStatusSnapshot, SyncProgress } from '../../sync/device-status';
import { getStorageHealth } from '../../db/storage-health';
import { drainOutbox } from '../../sync/drain-outbox';
import { buildHeartbeat, createHeartbeatSender, lastSettingsRefusal } from '../../sync/heartbeat';
import { withDrainLock } from '../../sync/drain-lock';
import { fetchTransport } from '../../sync/transport';
import {
  createSyncScheduler,
  type SyncTrigger,
  type TriggerResult,
} from '../../sync/sync-scheduler';
import { OUTBOX_SYNC_TAG } from '../../sync/worker-drain-tag';

export interface SyncController {
  trigger(reason: SyncTrigger): Promise<TriggerResult>;
  /** Call after each new log: drains now when online, and asks for Background Sync. */
  afterWrite(): void;
  snapshot(): Promise<DeviceStatusSnapshot>;
  /** Staff's "send again": every dead letter back into the outbox, then a drain; how many. */
  resendDeadLetters(): Promise<number>;
  subscribeProgress(listener: (progress: SyncProgress) => void): () => void;
}

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Background Sync where the browser has it; the online event and timers cover the rest. */
async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration &
    SyncRegistration;
  if (registration.sync) await registration.sync.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}

export function startSync(
  localData: LocalData,
  options: {
    periodMs: number;
    retentionDays: number;
    deadLetterRetentionDays: number;
    /** The help point settings version this page runs on (for the heartbeat). */
    settingsVersion?: number | null;
  },
): SyncController {
  const store = localData.outbox;
  const listeners = new Set<(progress: SyncProgress) => void>();
  const purge = () => {
    void localData.purgeSyncedLogs(options.retentionDays).catch(() => undefined);
    void localData.purgeDeadLetters(options.deadLetterRetentionDays).catch(() => undefined);
  };
  const emit = (progress: SyncProgress) => listeners.forEach((listener) => listener(progress));
  const heartbeats = createHeartbeatSender({ periodMs: options.periodMs });
  // After a sync: the device's health, at most once per period, built fresh each time.
  const sendHeartbeat = async () => {
    const enrollment = await store.readEnrollment();
    if (!enrollment || !navigator.onLine) return;
    await heartbeats.maybeSend(enrollment, async () => {
      const [queueDepth, deadLetters, status] = await Promise.all([
        store.count(),
        store.listDeadLetters(10_000),
        store.readSyncStatus(),
      ]);
      const estimate = await navigator.storage?.estimate?.().catch(() => null);
      const persisted = await navigator.storage?.persisted?.().catch(() => null);
      return buildHeartbeat({
        appVersion: __APP_VERSION__,
        queueDepth,
        deadLetterReasons: deadLetters.map((letter) => letter.reason),
        storage: {
          usage: estimate?.usage ?? null,
          quota: estimate?.quota ?? null,
          persisted: persisted ?? null,
        },
        status,
        storageProblem: getStorageHealth().problem,
        settingsVersion: options.settingsVersion ?? null,
        settingsRefused: lastSettingsRefusal(),
      });
    });
  };

  const scheduler = createSyncScheduler({
    isOnline: () => navigator.onLine,
    periodMs: options.periodMs,
    readStatus: () => store.readSyncStatus(),
    drain: () =>
      withDrainLock(async () => {
        emit({ running: true, acknowledged: 0, remaining: null });
        try {
          return await drainOutbox({
            store,
            transportFor: (url, token) => fetchTransport(url, token),
            onProgress: ({ acknowledged, remaining }) =>
              emit({ running: true, acknowledged, remaining }),
          });
        } finally {
          emit({ running: false, acknowledged: 0, remaining: null });
        }
      }),
    onSettled: (result) => {
      if (result !== 'busy' && typeof result === 'object' && result.kind === 'done') purge();
      // 'busy' is a drain in another context (the service worker): a sync all the same.
      if (result !== 'offline') void sendHeartbeat().catch(() => undefined);
    },
  });

  purge();
  scheduler.start();
  void store
    .count()
    .then((count) => (count > 0 ? requestBackgroundSync() : undefined))
    .catch(() => undefined);

  return {
    trigger: (reason) => scheduler.trigger(reason),
    afterWrite() {
      void requestBackgroundSync();
      void scheduler.trigger('new-event');
    },
    async snapshot() {
      const [queueDepth, deadLetterCount, deadLetters, status, enrollment] = await Promise.all([
        store.count(),
        store.countDeadLetters(),
        store.listDeadLetters(50),
        store.readSyncStatus(),
        store.readEnrollment(),
      ]);
      const estimate = await navigator.storage?.estimate?.().catch(() => null);
      const persisted = await navigator.storage?.persisted?.().catch(() => null);
      return {
        queueDepth,
        deadLetterCount,
        deadLetters,
        status,
        enrollment,
        storage: {
          usage: estimate?.usage ?? null,
          quota: estimate?.quota ?? null,
          persisted: persisted ?? null,
        },
        online: navigator.onLine,
      };
    },
    async resendDeadLetters() {
      const count = await store.requeueDeadLetters();
      if (count > 0) void scheduler.trigger('manual');
      return count;
    },
    subscribeProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
