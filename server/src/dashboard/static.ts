/**
 * Serves the dashboard's built files (dist-dashboard/, built by `npm run build`) at /admin/,
 * compressed (brotli or gzip, as the browser accepts), with a strict Content-Security-Policy
 * of its own: scripts, fonts, images and API calls from this origin only, no framing, no
 * plugins, no inline script. Styles allow 'unsafe-inline' because @observablehq/plot writes a
 * <style> element into each chart it draws; inline styles cannot run code. Without a build the
 * dashboard answers 503 saying how to build it. The session cookie (Path=/admin) reaches these
 * files too, but they are the same for everyone and read no session.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ERROR_CODES } from '../../../src/protocol/sync-api';
import { sendError } from '../http/errors';

export const DASHBOARD_PREFIX = '/admin/';
export const DEFAULT_DASHBOARD_DIST = 'dist-dashboard';

export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Registers /admin/ (and /admin, which redirects there). Call outside /admin/api's plugin. */
export function registerDashboardStatic(app: FastifyInstance, distDir: string): void {
  const root = resolve(distDir);
  const built =
    existsSync(resolve(root, 'index.html')) || existsSync(resolve(root, 'dashboard.html'));
  void app.register(async (site) => {
    site.addHook('onRequest', async (_request, reply) => {
      reply.header('content-security-policy', DASHBOARD_CSP);
    });
    if (!built) {
      const notBuilt = async (_request: unknown, reply: Parameters<typeof sendError>[0]) =>
        sendError(
          reply,
          503,
          ERROR_CODES.internal,
          'The dashboard is not built: build the dashboard with npm run build.',
        );
      site.get('/admin', notBuilt);
      site.get('/admin/', notBuilt);
      return;
    }
    await site.register(compress, { encodings: ['br', 'gzip'] });
    await site.register(fastifyStatic, {
      root,
      prefix: DASHBOARD_PREFIX,
      index: ['index.html', 'dashboard.html'],
      redirect: true,
      // The build's .br/.gz copies (vite.dashboard.config.ts), with Vary: Accept-Encoding;
      // @fastify/compress above still compresses a file the build wrote no copy of.
      preCompressed: true,
      // One route per built file, no /admin/* wildcard: that would swallow /admin/api's
      // unknown paths (they must answer 401/404 from the API, not a file lookup), and the
      // collector's 405 guard knows each path's methods. A new build needs a restart.
      wildcard: false,
      // Hashed assets may be kept; the page itself is asked for again each time.
      setHeaders(response, path) {
        response.header(
          'cache-control',
          /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  });
}
