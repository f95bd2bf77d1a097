/**
 * The composition root's services, built once at start-up outside React: configuration,
 * storage, identity, sync, enrollment, content, the collector's live calls and logs. Storage
 * and sync start after the attract screen is interactive (afterInteractive), so the first
 * screen stays fast.
 */
import { startUpdateManager, type UpdateController } from '../../features/pwa/update-manager';
import { takeEnrollmentFragment } from '../../sync/enrollment-fragment';
import { createCollectorService, type CollectorService } from './collector';
import { loadConfig, type ConfigService } from './config';
import { createContentService, type ContentService } from './content';
import { createEnrollmentService, type EnrollmentService } from './enrollment';
import { createIdentityService, type IdentityService } from './identity';
import { createLogService, type LogService } from './logs';
import { createSettingsService, type SettingsService } from './settings';
import { readStartupState } from './startup-settings';
import type { EarlyReads } from './early-reads';
import { createStorageService, type StorageService } from './storage';
import { createSyncService, type SyncService } from './sync';

export interface AppServices {
  config: ConfigService;
  storage: StorageService;
  identity: IdentityService;
  sync: SyncService;
  enrollment: EnrollmentService;
  content: ContentService;
  collector: CollectorService;
  logs: LogService;
  /** The collector's settings for this help point: fetched, kept, applied on the attract screen. */
  settings: SettingsService;
  updates: UpdateController;
  /** Called once the attract screen is interactive: opens storage and starts sync. */
  afterInteractive(): void;
}

export async function createAppServices(early?: EarlyReads): Promise<AppServices> {
  // Read before anything waits, and removed from the address at once.
  const startupLink = takeEnrollmentFragment(window.location, window.history);
  const storage = createStorageService();
  const startup = early ? early.startup : readStartupState().catch(() => undefined);
  const config = await loadConfig(storage, await startup, early?.checkedCopy);
  const current = config.current;
  if (config.settings) {
    // Tests and staff can see which settings version this page runs on.
    document.documentElement.dataset.settingsVersion = String(config.settings.version);
  }

  // Asking is enough: Chromium grants it to installed apps; the staff view shows the answer.
  void navigator.storage?.persist?.().catch(() => false);

  const identity = createIdentityService(storage, current);
  const sync = createSyncService(storage, current, config.settings?.version ?? null);
  const enrollment = createEnrollmentService({ startupLink, storage, identity, sync });
  const content = createContentService(storage, current, config.settings);
  const settings = createSettingsService({ storage, config });
  // The worker registers once the attract screen is interactive (update-manager.ts).
  let interactive: () => void = () => undefined;
  const pageInteractive = new Promise<void>((resolve) => (interactive = resolve));
  const updates = startUpdateManager({
    checkEveryMs: current.updateCheckMinutes * 60_000,
    registerAfter: pageInteractive,
  });
  // A new enrollment (a link opened on a running kiosk) brings its help point's settings.
  enrollment.subscribe(() => void settings.refresh());

  return {
    config,
    storage,
    identity,
    sync,
    enrollment,
    content,
    collector: createCollectorService(storage),
    logs: createLogService(storage, identity, sync),
    settings,
    updates,
    afterInteractive() {
      interactive();
      void (async () => {
        await config.keepLastGood();
        // Started from the checked copy: a changed file applies on the next attract screen.
        if (await config.refresh()) settings.applyWhenIdle();
        await (await storage.open()).getDeviceId();
        if (!(await enrollment.applyStartupLink())) await sync.controller();
        settings.start(current.syncPeriodSeconds * 1000);
        // Through the worker, which answers a file the help point lacks without a logged 404.
        await updates.controlled();
        await content.checkLocalFiles();
      })().catch((error: unknown) => console.error('storage or sync could not start', error));
    },
  };
}
