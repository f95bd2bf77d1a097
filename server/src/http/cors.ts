/**
 * CORS for kiosks served from another origin. Devices authenticate with a bearer token,
 * never cookies, so any origin may call: `*` is safe and needs no origin list.
 */
import type { FastifyInstance } from 'fastify';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  // Date: devices compare their clock with the collector's (clock-skew notice).
  'access-control-expose-headers': 'Retry-After, Date',
};

const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
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
