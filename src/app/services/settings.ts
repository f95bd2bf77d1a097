/**
 * The help point's settings from the collector, for an enrolled device: fetched with the
 * device token and the last version's ETag (an unchanged version costs a 304), checked with
 * the kiosk's own schemas, and kept as the last good copy in IndexedDB. A new version is
 * applied only while the kiosk is idle on its attract screen, by reloading (the page reads
 * the kept copy before its first screen), so a visit never changes under a visitor. A
 * version that fails the checks is reported to the collector with the reason, once, and the
 * last good copy stays in use.
 */
import type { SettingsRefusal } from '../../protocol/help-point-settings';
import type { Enrollment } from '../../protocol/sync-api';
import type { ConfigService } from './config';
import type { StorageService } from './storage';

export type SettingsRefresh =
  'not-enrolled' | 'unreachable' | 'unchanged' | 'updated' | 'none' | 'refused';

export interface SettingsService {
  refresh(): Promise<SettingsRefresh>;
  /** True while the kiosk is idle on its attract screen (and staff mode is closed). */
  setIdle(idle: boolean): void;
  /** Fetches now, then on the given period and whenever the network comes back. */
  start(periodMs: number): void;
  /** Reloads on the next idle attract screen (a changed kiosk-config.json, config.ts). */
  applyWhenIdle(): void;
}

interface KeptSettings {
  etag: string | null;
  document: unknown;
}

const TIMEOUT_MS = 8000;

/** The schemas and paths, loaded at the first refresh rather than with the attract screen. */
const checks = () => import('./settings-checks');

async function checkLocalContent(catalogue: unknown, lessons: unknown): Promise<string | null> {
  if (catalogue !== null) {
    const { checkLocalCatalogue } = await import('../../features/anvanda/catalogue/load-catalogue');
    const problem = await checkLocalCatalogue(catalogue);
    if (problem) return `localCatalogue: ${problem}`;
  }
  if (lessons !== null) {
    const { checkLocalLessons } = await import('../../features/lara/lessons/load-lessons');
    const problem = await checkLocalLessons(lessons);
    if (problem) return `localLessons: ${problem}`;
  }
  return null;
}

/** Why this version may not be used, or null when it may. */
async function problemWith(body: unknown, enrollment: Enrollment, inUse: number | null) {
  const { parseSettingsDocument } = await checks();
  const parsed = parseSettingsDocument(body);
  if (!parsed.ok) return parsed.reason;
  const { settings } = parsed;
  if (settings.helpPointId !== enrollment.helpPointId) {
    return `helpPointId: ${settings.helpPointId} is not this device's help point`;
  }
  if (inUse !== null && settings.version < inUse) {
    return `version: ${settings.version} is older than version ${inUse} in use`;
  }
  return checkLocalContent(settings.localCatalogue, settings.localLessons);
}

export function createSettingsService(deps: {
  storage: StorageService;
  config: ConfigService;
  /** Applies a new version; the page reads the kept copy as it starts. */
  reload?: () => void;
  fetchImpl?: typeof fetch;
}): SettingsService {
  const { storage, config, reload = () => window.location.reload() } = deps;
  const fetchImpl = deps.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const applied = config.settings;
  let idle = false;
  let pending = false;
  let running: Promise<SettingsRefresh> | null = null;
  const reported = new Set<string>();

  const applyWhenIdle = () => {
    if (pending && idle) {
      pending = false;
      reload();
    }
  };

  const report = async (enrollment: Enrollment, body: unknown, reason: string) => {
    const version = (body as { version?: unknown } | null)?.version;
    const key = `${String(version)}:${reason}`;
    if (!Number.isInteger(version) || (version as number) < 1 || reported.has(key)) return;
    const refusal: SettingsRefusal = {
      version: version as number,
      // The reason is our own schema text; control characters would be refused by the collector.
      reason: reason.replace(/\p{Cc}/gu, ' ').slice(0, 500),
    };
    const { SETTINGS_REFUSALS_PATH } = await checks();
    const response = await fetchImpl(new URL(SETTINGS_REFUSALS_PATH, enrollment.collectorUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${enrollment.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(refusal),
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch(() => null);
    if (response?.ok) reported.add(key);
  };

  const refreshOnce = async (): Promise<SettingsRefresh> => {
    const data = await storage.open();
    const enrollment = await data.outbox.readEnrollment();
    if (!enrollment) return 'not-enrolled';
    const { parseSettingsDocument, SETTINGS_PATH, settingsEtag, noteSettingsRefused } =
      await checks();
    const keptRaw = (await data.lastGoodCopy('help-point-settings')) as KeptSettings | undefined;
    const kept = parseSettingsDocument(keptRaw?.document);
    const keptOk = kept.ok && kept.settings.helpPointId === enrollment.helpPointId;
    let response: Response;
    try {
      response = await fetchImpl(new URL(SETTINGS_PATH, enrollment.collectorUrl), {
        headers: {
          authorization: `Bearer ${enrollment.token}`,
          ...(keptOk && keptRaw?.etag ? { 'if-none-match': keptRaw.etag } : {}),
        },
        cache: 'no-store',
        credentials: 'omit',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      return 'unreachable';
    }
    if (response.status === 304) {
      if (keptOk && kept.settings.version !== applied?.version) pending = true;
      applyWhenIdle();
      return 'unchanged';
    }
    if (response.status === 404) {
      // The help point has no settings (any more): back to the defaults, on the attract screen.
      if (keptRaw) await data.saveLastGoodCopy('help-point-settings', null);
      if (applied) pending = true;
      applyWhenIdle();
      return 'none';
    }
    if (!response.ok) return 'unreachable';
    const body = (await response.json().catch(() => null)) as unknown;
    const inUse = applied?.helpPointId === enrollment.helpPointId ? applied.version : null;
    const problem = await problemWith(body, enrollment, inUse);
    if (problem) {
      console.error(`help point settings refused: ${problem}`);
      const refusedVersion = (body as { version?: unknown } | null)?.version;
      if (Number.isInteger(refusedVersion)) {
        noteSettingsRefused({ version: refusedVersion as number, reason: problem });
      }
      await report(enrollment, body, problem);
      return 'refused';
    }
    const version = (body as { version: number }).version;
    const etag = response.headers.get('etag') ?? settingsEtag(version);
    const next: KeptSettings = { etag, document: body };
    await data.saveLastGoodCopy('help-point-settings', next);
    if (version !== applied?.version || enrollment.helpPointId !== applied.helpPointId) {
      pending = true;
    }
    applyWhenIdle();
    return 'updated';
  };

  const refresh = () => {
    running ??= refreshOnce()
      .catch((error: unknown) => {
        console.error('help point settings could not be read', error);
        return 'unreachable' as const;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    refresh,
    applyWhenIdle() {
      pending = true;
      applyWhenIdle();
    },
    setIdle(next) {
      idle = next;
      applyWhenIdle();
    },
    start(periodMs) {
      // After a failure, try again soon (2 s, 4 s, … up to the period): a kiosk just enrolled
      // should not wait a whole period for its PIN because one request was lost.
      let failures = 0;
      const next = async () => {
        const result = await refresh();
        failures = result === 'unreachable' ? failures + 1 : 0;
        const delay = failures > 0 ? Math.min(periodMs, 2000 * 2 ** (failures - 1)) : periodMs;
        window.setTimeout(() => void next(), delay);
      };
      void next();
      window.addEventListener('online', () => void refresh());
    },
  };
}
