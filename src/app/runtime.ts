/**
 * Start-up wiring, outside React: open local storage, load the help point's configuration,
 * ask for persistent storage and start the update manager. The React tree receives the result.
 */
import type { DeviceIdentity, LocalData } from '../db/local-data';
import {
  DEFAULT_KIOSK_CONFIG,
  loadKioskConfig,
  type ConfigLoadResult,
  type KioskConfig,
} from '../lib/kiosk-config';
import { recordVisitLog } from '../features/session/visit-log';
import type { EndedSession } from '../features/session/session-machine';
import { reportStorageProblem } from '../db/storage-health';
import { startUpdateManager, type UpdateController } from '../features/pwa/update-manager';

export interface Runtime {
  /** Storage (Dexie) loads after the first screen: nothing before a visit ends needs it. */
  localData: () => Promise<LocalData>;
  /** Called once the attract screen is interactive: opens storage and saves the configuration. */
  afterInteractive(): void;
  config: KioskConfig;
  configLoad: ConfigLoadResult;
  updates: UpdateController;
  identity(): Promise<DeviceIdentity>;
  recordVisit(session: EndedSession): void;
}

const LAST_GOOD_CONFIG_KEY = 'kioskConfig.lastGood';

export async function createRuntime(): Promise<Runtime> {
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
  if (configLoad.status === 'refused')
    console.error(`kiosk-config.json refused: ${configLoad.reason}`);
  const config = configLoad.config;

  // Asking is enough: Chromium grants it to installed apps; the staff view shows the answer later.
  void navigator.storage?.persist?.().catch(() => false);

  const identity = async (): Promise<DeviceIdentity> => ({
    deviceId: await (await localData()).getDeviceId(),
    helpPointId: config.helpPointId,
  });

  return {
    localData,
    config,
    configLoad,
    updates: startUpdateManager({ checkEveryMs: config.updateCheckMinutes * 60_000 }),
    identity,
    afterInteractive() {
      const config = pendingConfigSave;
      pendingConfigSave = null;
      void localData()
        .then(async (data) => {
          if (config) await data.writeMeta(LAST_GOOD_CONFIG_KEY, config);
          await data.getDeviceId();
        })
        .catch((error: unknown) => console.error('storage could not be opened', error));
    },
    recordVisit(session) {
      // LocalData reports the failure to the storage-health store, which the UI shows.
      recordVisitLog(localData, identity, session).catch((error: unknown) =>
        console.error('visit log not stored', error),
      );
    },
  };
}
