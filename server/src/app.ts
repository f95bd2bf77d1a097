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
import { registerSettingsRoutes } from './http/settings-routes';
import { TokenBucketLimiter, type RateLimitOptions } from './http/rate-limit';
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
}

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimitBytes,
  });
  // Only JSON: without this Fastify would also accept text/plain bodies.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('device', null);

  installCors(app);
  installErrorHandlers(app, options.bodyLimitBytes);

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
  registerEventsRoute(app, store, limiter);
  registerHelpRequestRoutes(app, store, limiter, options.now ?? (() => new Date()));
  registerSettingsRoutes(app, store, limiter);
  registerAdminRoutes(app, store, options.adminToken);
  return app;
}
