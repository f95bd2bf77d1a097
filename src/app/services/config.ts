/**
 * The help point's configuration, fixed for the page's lifetime. An enrolled device uses the
 * settings its collector sent (the last good copy kept in IndexedDB, read before the first
 * screen); a new version is applied by reloading on the attract screen (settings.ts). A kiosk
 * not yet enrolled uses `/kiosk-config.json`, the defaults, which never carry a PIN: a refused
 * or unreachable file leaves the last good copy (or the built-in defaults) in use.
 */
import {
  DEFAULT_KIOSK_CONFIG,
  loadKioskConfig,
  type ConfigLoadResult,
  type KioskConfig,
} from '../../lib/kiosk-config';
import { parseSettingsDocument, type HelpPointSettings } from '../../lib/help-point-settings';
import type { StorageService } from './storage';
import type { StartupState } from './startup-settings';

export interface ConfigService {
  current: KioskConfig;
  /** How the file's load went, for the staff notice. */
  loadResult: ConfigLoadResult;
  /** The collector's settings in use, or null (not enrolled, or none received yet). */
  settings: HelpPointSettings | null;
  /** Enrolled when the page started (an enrollment later is told by EnrollmentService). */
  enrolledAtStart: boolean;
  /** Keeps a freshly loaded file as the last good copy; called once storage is open. */
  keepLastGood(): Promise<void>;
}

/** The public defaults may not unlock staff mode, whatever someone put in the file. */
function withoutPin(config: KioskConfig): KioskConfig {
  const rest = { ...config };
  delete rest.staffPin;
  return rest;
}

export async function loadConfig(
  storage: StorageService,
  startup: StartupState = { settings: null, enrolled: false },
): Promise<ConfigService> {
  const kept = startup.enrolled ? parseSettingsDocument(startup.settings) : null;
  if (kept?.ok) {
    const { settings } = kept;
    return {
      current: settings.config,
      loadResult: { status: 'loaded', config: settings.config },
      settings,
      enrolledAtStart: true,
      keepLastGood: async () => undefined,
    };
  }

  let toKeep: KioskConfig | null = null;
  const loaded = await loadKioskConfig({
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
  if (loaded.status === 'refused') {
    console.error(`kiosk-config.json refused: ${loaded.reason}`);
  }
  const loadResult = { ...loaded, config: withoutPin(loaded.config) };
  return {
    current: loadResult.config,
    loadResult,
    settings: null,
    enrolledAtStart: startup.enrolled,
    async keepLastGood() {
      const config = toKeep;
      toKeep = null;
      if (config) await (await storage.open()).saveLastGoodCopy('kiosk-config', withoutPin(config));
    },
  };
}
