/**
 * Assembles the collector's HTTP app: security headers (helmet), CORS, uniform JSON errors,
 * who is calling and their rate limits, health, the enrollment exchange, the events
 * endpoint, help requests and the tally, and the admin routes. No I/O happens here;
 * start-collector.ts listens.
 */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { ERROR_CODES } from '../../src/protocol/sync-api';
import { registerDashboardApi, type DashboardOptions } from './dashboard/api';
import { DEFAULT_DASHBOARD_DIST, registerDashboardStatic } from './dashboard/static';
import { DEFAULT_ENROLLMENT_CODE_TTL_MS } from './enrollment';
import { registerAdminRoutes } from './http/admin-routes';
import { identifyCaller } from './http/device-auth';
import { registerEnrollRoute } from './http/enroll-route';
import { installErrorHandlers, installNotFoundHandler, sendError } from './http/errors';
import { registerEventsRoute } from './http/events-route';
import { registerHeartbeatRoute } from './http/heartbeat-route';
import { registerHelpRequestRoutes } from './http/help-requests-route';
import { answerClientError, installProtocolGuards } from './http/protocol-guards';
import { createLimiters, validateRateLimits, type RateLimits } from './http/rate-limits';
import { registerSettingsRoutes } from './http/settings-routes';
import { createKnownCodes, type LocalCodesSource } from './known-codes';
import type { CollectorStore } from './store/collector-store';

export const HEALTH_PATH = '/api/v1/health';
/** Shorter admin tokens are refused: the admin token opens every help point's report. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

export interface AppOptions {
  store: CollectorStore;
  adminToken?: string;
  rateLimit: RateLimits | false;
  bodyLimitBytes: number;
  logger: boolean | { stream: { write(line: string): void } };
  /** The collector's clock (help requests, enrollment codes). Default: the system clock. */
  now?: () => Date;
  /** A help point's own errands and lessons, beside content/'s (see known-codes.ts). */
  localCodes?: LocalCodesSource;
  /** How long a new enrollment code is valid. Default 24 hours. */
  enrollmentCodeTtlMs?: number;
  /** Behind a reverse proxy: trust its X-Forwarded-For for the client address (rate limits). */
  trustProxy?: boolean | string;
  /** The dashboard at /admin/ and its API at /admin/api (sessions, login limits, build dir). */
  dashboard?: DashboardOptions;
}

/** Throws a clear error for an admin token too short to resist guessing. */
export function checkAdminToken(token: string | undefined): void {
  if (token !== undefined && token.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new Error(
      `The admin token (COLLECTOR_ADMIN_TOKEN) must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters; ` +
        'make one with: node -e "console.log(crypto.randomBytes(32).toString(\'base64url\'))"',
    );
  }
}

export function buildApp(options: AppOptions): FastifyInstance {
  checkAdminToken(options.adminToken);
  const limits = options.rateLimit ? validateRateLimits(options.rateLimit) : null;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimitBytes,
    // What Node's parser refuses (an unknown method, say) also answers in the one JSON shape.
    clientErrorHandler: answerClientError,
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
  });
  // Only JSON: without this Fastify would also accept text/plain bodies.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('device', null);
  app.decorateRequest('caller', null);
  installErrorHandlers(app, options.bodyLimitBytes);
  // 405 for methods a path lacks (CONNECT included), 415 for encodings and charsets.
  installProtocolGuards(app);

  // A JSON API: helmet's defaults (no sniffing, no framing, HSTS, a deny-all CSP) all fit.
  void app.register(helmet, {});
  // Devices authenticate with a bearer token, never cookies, so any origin may call: `*` is
  // safe and needs no origin list. Kiosks read Retry-After on 429 and 503.
  // The dashboard (/admin) is same-origin only and authenticates with a cookie: no CORS there.
  const corsOptions = {
    origin: '*',
    methods: ['GET', 'POST', 'OPTIONS'],
    // If-None-Match and ETag: devices ask for their settings with the ETag they kept.
    allowedHeaders: ['authorization', 'content-type', 'if-none-match'],
    // Date: devices compare their clock with the collector's.
    exposedHeaders: ['Retry-After', 'ETag', 'Date'],
    maxAge: 600,
  };
  void app.register(cors, {
    delegator: (request, callback) =>
      callback(null, request.url.startsWith('/admin') ? { origin: false } : corsOptions),
  });

  // One encapsulated context, so that its onRequest hook (who is calling, rate limits) also
  // runs for its 404 handler.
  void app.register(async (api) => {
    let limiters = null;
    if (limits) {
      await api.register(rateLimit, { global: false });
      limiters = createLimiters(api, limits);
    }
    const { store } = options;
    // A help point's own errands and lessons are known from the settings the collector stores.
    const knownCodes = createKnownCodes(
      undefined,
      options.localCodes ?? ((helpPointId) => store.settings.localCodes(helpPointId)),
    );
    api.addHook(
      'onRequest',
      identifyCaller({ devices: store.devices, adminToken: options.adminToken, limiters }),
    );
    installNotFoundHandler(api, options.bodyLimitBytes);

    api.get(HEALTH_PATH, async (request, reply) => {
      try {
        await store.ping();
        return { status: 'ok' };
      } catch (error) {
        request.log.error({ err: error }, 'health check failed');
        return sendError(reply, 503, ERROR_CODES.internal, 'The database is not reachable.');
      }
    });
    registerEnrollRoute(api, store, now);
    registerEventsRoute(api, store, knownCodes);
    registerHelpRequestRoutes(api, store, now, knownCodes);
    registerSettingsRoutes(api, store);
    registerHeartbeatRoute(api, store, now);
    registerAdminRoutes(api, store, {
      adminToken: options.adminToken,
      enrollmentCodeTtlMs: options.enrollmentCodeTtlMs ?? DEFAULT_ENROLLMENT_CODE_TTL_MS,
    });
  });

  registerDashboardApi(app, {
    store: options.store,
    now,
    bodyLimitBytes: options.bodyLimitBytes,
    ...options.dashboard,
  });
  registerDashboardStatic(app, options.dashboard?.distDir ?? DEFAULT_DASHBOARD_DIST);
  return app;
}
