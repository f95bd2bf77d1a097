/**
 * Start-up wiring, outside React: load the help point's configuration, read an enrollment
 * link, ask for persistent storage and start the update manager. Storage and sync load after
 * the attract screen is interactive (afterInteractive), so the first screen stays fast.
 */
import type { DeviceIdentity, LocalData } from '../db/local-data';
import type { LogDataOf, LogEventType } from '../protocol/events';
import {
  DEFAULT_KIOSK_CONFIG,
  loadKioskConfig,
  type ConfigLoadResult,
  type KioskConfig,
} from '../lib/kiosk-config';
import { reportStorageProblem } from '../db/storage-health';
import { startUpdateManager, type UpdateController } from '../features/pwa/update-manager';
import { takeEnrollmentFromUrl, type EnrollmentLinkResult } from '../sync/enrollment-link';
import type { SyncController } from './sync-runtime';
import type { LocalCatalogue } from '../features/anvanda/catalogue/local-catalogue';
import type { LocalLessons } from '../features/lara/lessons/local-lessons';
import type { LocalContentLoad } from '../lib/local-content';
import type { LanguageCode } from '../protocol/vocabulary';
import type { CollectorClient } from '../sync/collector-client';

/** The help point's own content files, and how their last fetch went (for the staff notice). */
export type LocalContentStatus = Record<
  'catalogue' | 'lessons',
  LocalContentLoad<unknown>['status'] | null
>;

export interface Runtime {
  config: KioskConfig;
  configLoad: ConfigLoadResult;
  /** What the last `#enroll=` link said (read at start-up and on hashchange, then removed). */
  enrollmentLink(): EnrollmentLinkResult;
  subscribeEnrollmentLink(listener: () => void): () => void;
  updates: UpdateController;
  localData(): Promise<LocalData>;
  sync(): Promise<SyncController>;
  /** Called once the attract screen is interactive: opens storage and starts sync. */
  afterInteractive(): void;
  identity(): Promise<DeviceIdentity>;
  /** The municipality's local catalogue, fetched again (network first) each time it is asked. */
  localCatalogue(): Promise<LocalCatalogue | null>;
  /** The help point's own lessons, fetched the same way. */
  localLessons(): Promise<LocalLessons | null>;
  localContentStatus(): LocalContentStatus;
  subscribeLocalContent(listener: () => void): () => void;
  /** The live collector calls, for an enrolled device; null before enrollment. */
  collector(): Promise<CollectorClient | null>;
  /** The device's role: 'staff' once enrolled as a staff tablet, else 'kiosk'. */
  deviceRole(): Promise<'kiosk' | 'staff'>;
  /** Relays a visitor's "ask the staff" to the staff tablets, when the collector is reachable. */
  askStaff(request: {
    errandId: string | null;
    language: LanguageCode;
  }): Promise<'relayed' | 'not-relayed'>;
  /** Stores one anonymous log durably and lets sync know. Rejects if storage failed. */
  recordLog<T extends LogEventType>(type: T, data: LogDataOf<T>): Promise<void>;
}

const LAST_GOOD_CONFIG_KEY = 'kioskConfig.lastGood';
const LAST_GOOD_LOCAL_CATALOGUE_KEY = 'localCatalogue.lastGood';
const LAST_GOOD_LOCAL_LESSONS_KEY = 'localLessons.lastGood';

export async function createRuntime(): Promise<Runtime> {
  let enrollmentLink = takeEnrollmentFromUrl(window.location, window.history);
  const enrollmentListeners = new Set<() => void>();

  let localDataReady: Promise<LocalData> | null = null;
  const localData = () => {
    localDataReady ??= import('../db/local-data').then((module) => module.createLocalData());
    localDataReady.catch((error: unknown) => reportStorageProblem('unavailable', String(error)));
    return localDataReady;
  };
  let pendingConfigSave: KioskConfig | null = null;

  const configLoad = await loadKioskConfig({
    fetchConfig: async () => {
      const response = await fetch('/kiosk-config.json', { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as unknown;
    },
    readLastGood: async () => (await localData()).readMeta(LAST_GOOD_CONFIG_KEY),
    // Saved after start-up (see afterInteractive), so the first screen does not wait for storage.
    saveLastGood: async (config) => {
      pendingConfigSave = config;
    },
  }).catch((): ConfigLoadResult => ({ status: 'unreachable', config: DEFAULT_KIOSK_CONFIG }));
  if (configLoad.status === 'refused') {
    console.error(`kiosk-config.json refused: ${configLoad.reason}`);
  }
  const config = configLoad.config;

  // Asking is enough: Chromium grants it to installed apps; the staff view shows the answer.
  void navigator.storage?.persist?.().catch(() => false);

  let syncReady: Promise<SyncController> | null = null;
  const sync = () => {
    syncReady ??= Promise.all([localData(), import('./sync-runtime')]).then(([data, module]) =>
      module.startSync(data, {
        periodMs: config.syncPeriodSeconds * 1000,
        retentionDays: config.logRetentionDays,
      }),
    );
    return syncReady;
  };

  // An enrolled device speaks for its help point; before enrollment, the configuration's.
  // Kept once read (every log needs it, and a read costs a storage round trip per log), and
  // forgotten when an enrollment is applied.
  let identityReady: Promise<DeviceIdentity> | null = null;
  const identity = (): Promise<DeviceIdentity> => {
    identityReady ??= (async () => {
      const data = await localData();
      const enrollment = await data.outbox.readEnrollment();
      if (enrollment) return { deviceId: enrollment.deviceId, helpPointId: enrollment.helpPointId };
      return { deviceId: await data.getDeviceId(), helpPointId: config.helpPointId };
    })();
    identityReady.catch(() => {
      identityReady = null;
    });
    return identityReady;
  };

  const applyEnrollment = async (link: EnrollmentLinkResult) => {
    if (link.status !== 'valid') return;
    const data = await localData();
    await data.outbox.writeEnrollment(link.enrollment);
    identityReady = null;
    // The role may have changed (a staff tablet opens in staff mode): tell the screens.
    enrollmentListeners.forEach((listener) => listener());
    // Deliver what waited, now that the device knows where to send it.
    await (await sync()).trigger('manual');
  };

  // A link opened on a kiosk that is already running only changes the fragment.
  window.addEventListener('hashchange', () => {
    const link = takeEnrollmentFromUrl(window.location, window.history);
    if (link.status === 'none') return;
    enrollmentLink = link;
    enrollmentListeners.forEach((listener) => listener());
    void applyEnrollment(link).catch((error: unknown) => console.error('enrollment failed', error));
  });

  let localContentStatus: LocalContentStatus = { catalogue: null, lessons: null };
  const localContentListeners = new Set<() => void>();
  const noteLocalContent = (kind: keyof LocalContentStatus, result: LocalContentLoad<unknown>) => {
    if (result.status === 'refused') console.error(`local ${kind} refused: ${result.reason}`);
    localContentStatus = { ...localContentStatus, [kind]: result.status };
    localContentListeners.forEach((listener) => listener());
  };
  const lastGoodStorage = async (key: string) => {
    const data = await localData().catch(() => null);
    return {
      readLastGood: async () => data?.readMeta(key),
      saveLastGood: async (content: unknown) => data?.writeMeta(key, content),
    };
  };
  const localCatalogue = async (): Promise<LocalCatalogue | null> => {
    const [loader, storage] = await Promise.all([
      import('../features/anvanda/catalogue/load-catalogue'),
      lastGoodStorage(LAST_GOOD_LOCAL_CATALOGUE_KEY),
    ]);
    const result = await loader.refreshLocalCatalogue(storage);
    noteLocalContent('catalogue', result);
    return result.content;
  };
  const localLessons = async (): Promise<LocalLessons | null> => {
    const [loader, storage] = await Promise.all([
      import('../features/lara/lessons/load-lessons'),
      lastGoodStorage(LAST_GOOD_LOCAL_LESSONS_KEY),
    ]);
    const result = await loader.refreshLocalLessons(storage);
    noteLocalContent('lessons', result);
    return result.content;
  };

  const collector = async (): Promise<CollectorClient | null> => {
    const enrollment = await (await localData()).outbox.readEnrollment();
    if (!enrollment) return null;
    const { createCollectorClient } = await import('../sync/collector-client');
    return createCollectorClient(enrollment);
  };

  return {
    config,
    collector,
    async deviceRole() {
      const enrollment = await (await localData()).outbox.readEnrollment();
      return enrollment?.role ?? 'kiosk';
    },
    async askStaff({ errandId, language }) {
      const client = await collector().catch(() => null);
      if (!client || !navigator.onLine) return 'not-relayed';
      const { v7 } = await import('uuid');
      const reply = await client.requestHelp({ id: v7(), errandId, language });
      if (reply.kind === 'refused') console.error(`help request refused: ${reply.message}`);
      return reply.kind === 'ok' ? 'relayed' : 'not-relayed';
    },
    localCatalogue,
    localLessons,
    localContentStatus: () => localContentStatus,
    subscribeLocalContent(listener) {
      localContentListeners.add(listener);
      return () => localContentListeners.delete(listener);
    },
    configLoad,
    enrollmentLink: () => enrollmentLink,
    subscribeEnrollmentLink(listener) {
      enrollmentListeners.add(listener);
      return () => enrollmentListeners.delete(listener);
    },
    updates: startUpdateManager({ checkEveryMs: config.updateCheckMinutes * 60_000 }),
    localData,
    sync,
    identity,
    afterInteractive() {
      const configToSave = pendingConfigSave;
      pendingConfigSave = null;
      void localData()
        .then(async (data) => {
          if (configToSave) await data.writeMeta(LAST_GOOD_CONFIG_KEY, configToSave);
          await data.getDeviceId();
          if (enrollmentLink.status === 'valid') await applyEnrollment(enrollmentLink);
          else await sync();
          // Checked once at start-up too, so staff see a refused local file at once.
          await Promise.all([localCatalogue(), localLessons()]);
        })
        .catch((error: unknown) => console.error('storage or sync could not start', error));
    },
    async recordLog(type, data) {
      // LocalData reports a failure to the storage-health store, which the UI shows.
      await (await localData()).recordLog(type, data, await identity());
      void sync().then((controller) => controller.afterWrite());
    },
  };
}
