/**
 * The help point's configuration (`/kiosk-config.json`), loaded once at start-up. A refused or
 * unreachable file leaves the last good copy (or the built-in defaults) in use.
 */
import {
  DEFAULT_KIOSK_CONFIG,
  loadKioskConfig,
  type ConfigLoadResult,
  type KioskConfig,
} from '../../lib/kiosk-config';
import type { StorageService } from './storage';

export interface ConfigService {
  current: KioskConfig;
  /** How the file's load went, for the staff notice. */
  loadResult: ConfigLoadResult;
  /** Keeps a freshly loaded file as the last good copy; called once storage is open. */
  keepLastGood(): Promise<void>;
}

export async function loadConfig(storage: StorageService): Promise<ConfigService> {
  let toKeep: KioskConfig | null = null;
  const loadResult = await loadKioskConfig({
    fetchConfig: async () => {
      const response = await fetch('/kiosk-config.json', { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as unknown;
    },
    readLastGood: async () => (await storage.open()).lastGoodCopy('kiosk-config'),
    // Kept after start-up (keepLastGood), so the first screen does not wait for storage.
    saveLastGood: async (config) => {
      toKeep = config;
    },
  }).catch((): ConfigLoadResult => ({ status: 'unreachable', config: DEFAULT_KIOSK_CONFIG }));
  if (loadResult.status === 'refused') {
    console.error(`kiosk-config.json refused: ${loadResult.reason}`);
  }
  return {
    current: loadResult.config,
    loadResult,
    async keepLastGood() {
      const config = toKeep;
      toKeep = null;
      if (config) await (await storage.open()).saveLastGoodCopy('kiosk-config', config);
    },
  };
}
