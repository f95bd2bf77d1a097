/**
 * The programmatic start API: `npm run collector`, the browser tests and the benchmarks all
 * start the collector through startCollector(), so they exercise the same code path.
 */
import type { Enrollment } from '../../src/protocol/sync-api';
import { buildApp } from './app';
import { enrollDevice } from './enrollment';
import { DEFAULT_RATE_LIMIT } from './http/rate-limit';
import { HELP_REQUEST_RETENTION_MS } from './http/help-requests-route';
import { DEFAULT_DATA_DIR, openStore } from './store/open-store';
import type { HelpPointReport } from './store/event-store';

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
  /** Enables the /api/v1/admin routes. */
  adminToken?: string;
  /** Per device. Default 600 requests/minute with a burst of 100; false turns it off. */
  rateLimit?: { requestsPerMinute: number; burst: number } | false;
  /** Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Fastify's request log on stdout. Default false. */
  logger?: boolean;
  /** The clock of help requests; tests move it to age requests. Default: the system clock. */
  now?: () => Date;
  /**
   * How often help requests older than 24 hours are deleted, whether or not new ones arrive.
   * Default every 10 minutes (and once at start).
   */
  helpRequestSweepMs?: number;
}

export const DEFAULT_HELP_REQUEST_SWEEP_MS = 10 * 60_000;

export interface RunningCollector {
  /** http://host:port */
  url: string;
  enroll(input: {
    helpPointId: string;
    helpPointName?: string;
    role?: 'kiosk' | 'staff';
    kioskUrl: string;
  }): Promise<{ enrollment: Enrollment; link: string }>;
  countEvents(filter?: { helpPointId?: string; type?: string }): Promise<number>;
  listEventIds(): Promise<string[]>;
  /** The admin report (per help point, corrections applied), for tests and the CLI. */
  report(): Promise<HelpPointReport[]>;
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startCollector(options: CollectorOptions = {}): Promise<RunningCollector> {
  const store = await openStore({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
  });
  const app = buildApp({
    store,
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    logger: options.logger ?? false,
    ...(options.now ? { now: options.now } : {}),
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
    enroll: (input) => enrollDevice(store.devices, { ...input, collectorUrl: url }),
    countEvents: (filter) => store.events.count(filter),
    listEventIds: () => store.events.listIds(),
    report: () => store.events.report(),
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
