/**
 * Assembles the collector's HTTP app: CORS, uniform JSON errors, health, the events
 * endpoint, help requests and the tally, and the admin routes. No I/O happens here;
 * start-collector.ts listens.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { ERROR_CODES } from '../../src/protocol/sync-api';
import { registerAdminRoutes } from './http/admin-routes';
import { installCors } from './http/cors';
import { installErrorHandlers, sendError } from './http/errors';
import { registerEventsRoute } from './http/events-route';
import { registerHelpRequestRoutes } from './http/help-requests-route';
import { answerClientError, installProtocolGuards } from './http/protocol-guards';
import { registerSettingsRoutes } from './http/settings-routes';
import { TokenBucketLimiter, type RateLimitOptions } from './http/rate-limit';
import { createKnownCodes, type LocalCodesSource } from './known-codes';
import type { CollectorStore } from './store/collector-store';

export const HEALTH_PATH = '/api/v1/health';

export interface AppOptions {
  store: CollectorStore;
  adminToken?: string;
  rateLimit: RateLimitOptions | false;
  bodyLimitBytes: number;
  logger: boolean;
  /** The clock of help requests (created, updated, expired). Default: the system clock. */
  now?: () => Date;
  /** A help point's own errands and lessons, beside content/'s (see known-codes.ts). */
  localCodes?: LocalCodesSource;
}

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimitBytes,
    // What Node's parser refuses (an unknown method, say) also answers in the one JSON shape.
    clientErrorHandler: answerClientError,
  });
  // Only JSON: without this Fastify would also accept text/plain bodies.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('device', null);

  installCors(app);
  installErrorHandlers(app, options.bodyLimitBytes);
  // 405 for methods a path lacks (CONNECT included), 415 for encodings and charsets.
  installProtocolGuards(app);

  app.get(HEALTH_PATH, async (request, reply) => {
    try {
      await options.store.ping();
      return { status: 'ok' };
    } catch (error) {
      request.log.error({ err: error }, 'health check failed');
      return sendError(reply, 503, ERROR_CODES.internal, 'The database is not reachable.');
    }
  });

  const limiter = options.rateLimit ? new TokenBucketLimiter(options.rateLimit) : null;
  const { store } = options;
  // A help point's own errands and lessons are known from the settings the collector stores.
  const knownCodes = createKnownCodes(
    undefined,
    options.localCodes ?? ((helpPointId) => store.settings.localCodes(helpPointId)),
  );
  registerEventsRoute(app, store, limiter, knownCodes);
  registerHelpRequestRoutes(app, store, limiter, options.now ?? (() => new Date()), knownCodes);
  registerSettingsRoutes(app, store, limiter);
  registerAdminRoutes(app, store, options.adminToken);
  return app;
}
