/**
 * The programmatic start API: `npm run collector`, the browser tests and the benchmarks all
 * start the collector through startCollector(), so they exercise the same code path.
 */
import { buildApp, checkAdminToken, type AppOptions } from './app';
import { createEnrollmentCode, validateCodeTtl, type EnrollmentCode } from './enrollment';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limits';
import type { LocalCodesSource } from './known-codes';
import { HELP_REQUEST_RETENTION_MS } from './http/help-requests-route';
import { DEFAULT_DATA_DIR, openStore } from './store/open-store';
import type { HelpPointReport } from './store/event-store';
import { putHelpPointSettings, setHelpPointPin } from './settings/help-point-settings';
import {
  addAccount,
  resetDemoAdmin,
  setHelpPointMunicipality,
  type NewAccountInput,
} from './dashboard/admin-accounts';
import type { Account } from './store/account-store';
import type { SettingsStore } from './store/settings-store';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export interface CollectorOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A PostgreSQL URL; when set, dataDir is ignored. */
  databaseUrl?: string;
  /** PGlite data directory. Default '.data/collector'; 'memory://' for in-memory. */
  dataDir?: string;
  /** Enables the /api/v1/admin routes; at least 32 characters, else startCollector throws. */
  adminToken?: string;
  /**
   * Per device (default 600 a minute) and, for requests without valid credentials, per
   * client address (default 60 a minute); false turns both off (tests, benchmarks).
   */
  rateLimit?: Partial<RateLimits> | false;
  /** How long a new enrollment code is valid. Default 24 hours. */
  enrollmentCodeTtlMs?: number;
  /** Trust a reverse proxy's X-Forwarded-For (Fastify's trustProxy). Default off. */
  trustProxy?: AppOptions['trustProxy'];
  /** Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Fastify's request log on stdout (or into a stream). Default false. */
  logger?: AppOptions['logger'];
  /** The clock of help requests and enrollment codes; tests move it. Default: the system clock. */
  now?: () => Date;
  /** A help point's own errands and lessons (known-codes.ts). Default: none. */
  localCodes?: LocalCodesSource;
  /**
   * How often help requests older than 24 hours are deleted, whether or not new ones arrive.
   * Default every 10 minutes (and once at start).
   */
  helpRequestSweepMs?: number;
  /** The dashboard's sessions, login limits and build directory (app.ts). */
  dashboard?: AppOptions['dashboard'];
}

export const DEFAULT_HELP_REQUEST_SWEEP_MS = 10 * 60_000;

export interface RunningCollector {
  /** http://host:port */
  url: string;
  /** Makes a one-time enrollment code for a device to exchange (the link carries it). */
  enroll(input: {
    helpPointId: string;
    helpPointName?: string;
    role?: 'kiosk' | 'staff';
    /** The help point's municipality (an SCB code). */
    municipalityCode?: string;
    kioskUrl: string;
    /** Where the device will deliver; default this collector's own URL. */
    collectorUrl?: string;
  }): Promise<EnrollmentCode>;
  countEvents(filter?: { helpPointId?: string; type?: string }): Promise<number>;
  listEventIds(): Promise<string[]>;
  /** The admin report (per help point, corrections applied), for tests and the CLI. */
  report(): Promise<HelpPointReport[]>;
  /** The same code path as `collector:help-point`: validated settings, a checked PIN. */
  helpPoints: {
    set(helpPointId: string, settings: unknown): Promise<number>;
    setPin(helpPointId: string, pin: string, iterations?: number): Promise<number>;
    store: SettingsStore;
    /** Places the help point in a municipality (an SCB code), as collector:help-point does. */
    setMunicipality(helpPointId: string, municipalityCode: string): Promise<void>;
  };
  /** A dashboard account, made as collector:admin makes it. */
  addAccount(input: NewAccountInput): Promise<Account>;
  /** npm start: the demo help point's municipality gets an admin with a new random password. */
  resetDemoAdmin(helpPointId: string): ReturnType<typeof resetDemoAdmin>;
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startCollector(options: CollectorOptions = {}): Promise<RunningCollector> {
  // Before the store opens: a weak admin token is a configuration error, not a runtime one.
  checkAdminToken(options.adminToken);
  if (options.enrollmentCodeTtlMs !== undefined) validateCodeTtl(options.enrollmentCodeTtlMs);
  const store = await openStore({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
  });
  const app = buildApp({
    store,
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    rateLimit:
      options.rateLimit === false ? false : { ...DEFAULT_RATE_LIMITS, ...options.rateLimit },
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    logger: options.logger ?? false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.localCodes ? { localCodes: options.localCodes } : {}),
    ...(options.enrollmentCodeTtlMs ? { enrollmentCodeTtlMs: options.enrollmentCodeTtlMs } : {}),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.dashboard ? { dashboard: options.dashboard } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    await app.close().catch(() => {});
    await store.close().catch(() => {});
    throw error;
  }
  const now = options.now ?? (() => new Date());
  const sweep = () =>
    store.helpRequests
      .deleteCreatedBefore(new Date(now().getTime() - HELP_REQUEST_RETENTION_MS))
      // A failed sweep is retried on the next tick; the request path also sweeps.
      .catch(() => 0);
  void sweep();
  const sweeper = setInterval(
    () => void sweep(),
    options.helpRequestSweepMs ?? DEFAULT_HELP_REQUEST_SWEEP_MS,
  );
  sweeper.unref();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${urlHost(host)}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    enroll: (input) =>
      createEnrollmentCode(
        store,
        { collectorUrl: url, ...input },
        {
          ...(options.enrollmentCodeTtlMs ? { ttlMs: options.enrollmentCodeTtlMs } : {}),
          ...(options.now ? { now: options.now() } : {}),
        },
      ),
    countEvents: (filter) => store.events.count(filter),
    listEventIds: () => store.events.listIds(),
    report: () => store.events.report(),
    helpPoints: {
      set: (helpPointId, settings) => putHelpPointSettings(store.settings, helpPointId, settings),
      setPin: (helpPointId, pin, iterations) =>
        setHelpPointPin(store.settings, helpPointId, pin, iterations),
      store: store.settings,
      setMunicipality: (helpPointId, code) => setHelpPointMunicipality(store, helpPointId, code),
    },
    addAccount: (input) => addAccount(store, input, options.now?.() ?? new Date()),
    resetDemoAdmin: (helpPointId) => resetDemoAdmin(store, helpPointId),
    close: () =>
      (closing ??= (async () => {
        clearInterval(sweeper);
        try {
          await app.close();
        } finally {
          await store.close();
        }
      })()),
  };
}
