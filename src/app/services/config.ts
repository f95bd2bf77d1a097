/**
 * The help point's configuration, fixed for the page's lifetime. An enrolled device uses the
 * settings its collector sent (the last good copy kept in IndexedDB, read before the first
 * screen); a new version is applied by reloading on the attract screen (settings.ts). A kiosk
 * not yet enrolled uses `/kiosk-config.json`, the defaults, which never carry a PIN: a refused
 * or unreachable file leaves the last good copy (or the built-in defaults) in use.
 *
 * Cache first: the attract screen never waits on the network. Once a copy has been checked,
 * it is kept (already checked) in the Cache API and used at once at the next start; the file
 * is fetched again behind it (refresh), and a changed copy applies on the next attract screen.
 */
import { DEFAULT_KIOSK_CONFIG, type ConfigLoadResult } from '../../lib/kiosk-config-defaults';
import type { KioskConfig } from '../../lib/kiosk-config';
import type { HelpPointSettings } from '../../lib/help-point-settings';
import { CONFIG_CACHE, LOCAL_FILE_HEADER } from '../../protocol/worker-messages';
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
  /**
   * Fetches the file again when this page started from the checked copy: true when a
   * different valid copy arrived (and was kept), to apply on the next attract screen.
   */
  refresh(): Promise<boolean>;
}

const CONFIG_PATH = '/kiosk-config.json';
/** Where the page keeps the copy it has checked (the worker keeps the raw file at CONFIG_PATH). */
const CHECKED_PATH = '/kiosk-config.checked.json';

async function configCache(): Promise<Cache | null> {
  return globalThis.caches ? caches.open(CONFIG_CACHE).catch(() => null) : null;
}

/** The copy this device last checked, unchecked again: it was checked before it was kept. */
export async function readCheckedCopy(): Promise<KioskConfig | null> {
  const response = await (await configCache())?.match(CHECKED_PATH).catch(() => undefined);
  const config = (await response?.json().catch(() => null)) as KioskConfig | null | undefined;
  return config && typeof config === 'object' ? config : null;
}

async function keepCheckedCopy(config: KioskConfig): Promise<void> {
  const headers = { 'content-type': 'application/json' };
  await (
    await configCache()
  )
    ?.put(CHECKED_PATH, new Response(JSON.stringify(config), { headers }))
    .catch(() => undefined);
}

async function fetchConfigFile(): Promise<unknown> {
  const response = await fetch(CONFIG_PATH, { cache: 'no-store' });
  const text = await response.text();
  // The service worker answers a missing or unreachable file quietly: both mean "no file".
  if (!response.ok || response.headers.get(LOCAL_FILE_HEADER)) {
    throw new Error(`HTTP ${response.status}`);
  }
  return JSON.parse(text) as unknown;
}

let firstFetch: Promise<unknown> | null = null;

/**
 * A first start (no checked copy) needs the file and the schemas that check it: asked for as
 * soon as that is known (early-reads.ts), side by side, and used once by loadConfig.
 */
export function prefetchFirstConfig(): Promise<unknown> {
  if (!firstFetch) {
    firstFetch = fetchConfigFile();
    firstFetch.catch(() => undefined);
    void import('../../lib/kiosk-config').catch(() => undefined);
  }
  return firstFetch;
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
  /** The checked copy, when its read was started earlier (early-reads.ts). */
  checkedCopy?: Promise<KioskConfig | null>,
): Promise<ConfigService> {
  // The schemas (and zod) load only when something must be checked: a kiosk that is not
  // enrolled and has a checked copy starts without them.
  const kept = startup.enrolled
    ? await import('../../lib/help-point-settings').then(
        ({ parseSettingsDocument }) => parseSettingsDocument(startup.settings),
        () => null,
      )
    : null;
  if (kept?.ok) {
    const { settings } = kept;
    return {
      current: settings.config,
      loadResult: { status: 'loaded', config: settings.config },
      settings,
      enrolledAtStart: true,
      keepLastGood: async () => undefined,
      refresh: async () => false,
    };
  }

  const checked = await (checkedCopy ?? readCheckedCopy());
  if (checked) {
    const current = withoutPin(checked);
    return {
      current,
      loadResult: { status: 'loaded', config: current },
      settings: null,
      enrolledAtStart: startup.enrolled,
      keepLastGood: async () => undefined,
      async refresh() {
        const raw = await fetchConfigFile().catch(() => undefined);
        if (raw === undefined) return false;
        const { parseKioskConfig } = await import('../../lib/kiosk-config');
        const parsed = parseKioskConfig(raw);
        if (!parsed.ok) {
          // Start again without the checked copy: the network path reports the refusal to
          // staff and falls back to the last good copy.
          console.error(`kiosk-config.json refused: ${parsed.reason}`);
          await (await configCache())?.delete(CHECKED_PATH).catch(() => false);
          return true;
        }
        if (JSON.stringify(parsed.config) === JSON.stringify(checked)) return false;
        await keepCheckedCopy(parsed.config);
        await (await storage.open()).saveLastGoodCopy('kiosk-config', withoutPin(parsed.config));
        return true;
      },
    };
  }

  let toKeep: KioskConfig | null = null;
  const file = prefetchFirstConfig();
  firstFetch = null;
  const loaded = await import('../../lib/kiosk-config')
    .then(({ loadKioskConfig }) =>
      loadKioskConfig({
        fetchConfig: () => file,
        readLastGood: async () => (await storage.open()).lastGoodCopy('kiosk-config'),
        // Kept after start-up (keepLastGood), so the first screen does not wait for storage.
        saveLastGood: async (config) => {
          toKeep = config;
          await keepCheckedCopy(config);
        },
      }),
    )
    .catch((): ConfigLoadResult => ({ status: 'unreachable', config: DEFAULT_KIOSK_CONFIG }));
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
    // This start already fetched the file.
    refresh: async () => false,
  };
}
