/**
 * Delivering logs: the sync controller starts on first use (after the first screen), and the
 * backlog (how many logs wait, whether the collector wants a new enrollment) is read for the
 * attract screen's notices without starting it.
 */
import type { KioskConfig } from '../../lib/kiosk-config';
import type { SyncController } from './sync-controller';
import type { StorageService } from './storage';

export interface SyncBacklog {
  waiting: number;
  needsEnrollment: boolean;
  /** Collector clock minus device clock at the last sync (null before any answer). */
  clockSkewMs: number | null;
}

export interface SyncService {
  controller(): Promise<SyncController>;
  /** After a new log: drain now when online, and ask for Background Sync. */
  afterWrite(): void;
  backlog(): Promise<SyncBacklog>;
}

export function createSyncService(
  storage: StorageService,
  config: KioskConfig,
  settingsVersion: number | null = null,
): SyncService {
  let started: Promise<SyncController> | null = null;
  const controller = () => {
    started ??= Promise.all([storage.open(), import('./sync-controller')]).then(([data, module]) =>
      module.startSync(data, {
        periodMs: config.syncPeriodSeconds * 1000,
        retentionDays: config.logRetentionDays,
        deadLetterRetentionDays: config.deadLetterRetentionDays,
        settingsVersion,
      }),
    );
    return started;
  };
  return {
    controller,
    afterWrite() {
      void controller().then((ready) => ready.afterWrite());
    },
    async backlog() {
      const data = await storage.open();
      const [waiting, status] = await Promise.all([
        data.countOutbox(),
        data.outbox.readSyncStatus(),
      ]);
      return { waiting, needsEnrollment: status.needsEnrollment, clockSkewMs: status.clockSkewMs };
    },
  };
}
