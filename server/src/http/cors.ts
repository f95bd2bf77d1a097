/**
 * CORS for kiosks served from another origin. Devices authenticate with a bearer token,
 * never cookies, so any origin may call: `*` is safe and needs no origin list.
 */
import type { FastifyInstance } from 'fastify';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  // ETag: devices keep it to ask for their settings with If-None-Match.
  'access-control-expose-headers': 'Retry-After, ETag',
};

const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, if-none-match',
  'access-control-max-age': '600',
};

export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS') return;
    await reply.code(204).headers(PREFLIGHT_HEADERS).send();
  });
  // onSend also runs for error and 404 answers, so a browser can read those too.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(CORS_HEADERS);
    return payload;
  });
}
