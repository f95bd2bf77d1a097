/**
 * Who is calling, worked out once per request in onRequest, before any body is read: an
 * enrolled device (its bearer token looked up by hash), the admin (the admin token), or no
 * one. A device is then held to its own rate limit; everything else to its address's. The
 * routes' own hooks (requireDevice, the admin check) only read the result.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEVICE_TOKEN_PATTERN } from '../../../src/protocol/codes';
import { ERROR_CODES } from '../../../src/protocol/sync-api';
import type { DeviceRecord, DeviceStore } from '../store/device-store';
import { bearerToken, hashToken, tokensEqual } from '../tokens';
import { sendError } from './errors';
import type { Limiter } from './rate-limits';

export interface Caller {
  kind: 'device' | 'admin' | 'none';
  /** For kind none: no token, a token that opens nothing, or a revoked device's token. */
  failure: 'missing' | 'unknown' | 'revoked' | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    device: DeviceRecord | null;
    /** Set by identifyCaller in onRequest; null only before it ran. */
    caller: Caller | null;
  }
}

export function identifyCaller(options: {
  devices: DeviceStore;
  adminToken: string | undefined;
  limiters: { byDevice: Limiter; byAddress: Limiter } | null;
}) {
  const { devices, adminToken, limiters } = options;
  return async function identify(request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request.headers.authorization);
    if (token && adminToken && tokensEqual(token, adminToken)) {
      request.caller = { kind: 'admin', failure: null };
      return;
    }
    // Anything not shaped like an enrolled token cannot be one: no hash, no look-up.
    const device =
      token && DEVICE_TOKEN_PATTERN.test(token)
        ? await devices.findByTokenHash(hashToken(token))
        : null;
    if (device && !device.revokedAt) {
      request.device = device;
      request.caller = { kind: 'device', failure: null };
      if (limiters) await limiters.byDevice(request, reply);
      return;
    }
    request.caller = { kind: 'none', failure: device ? 'revoked' : token ? 'unknown' : 'missing' };
    if (limiters && request.method !== 'OPTIONS') await limiters.byAddress(request, reply);
  };
}

/** onRequest of the device routes, after identifyCaller: 401, or 403 for a revoked device. */
export async function requireDevice(request: FastifyRequest, reply: FastifyReply) {
  if (request.caller?.kind === 'device') return;
  if (request.caller?.failure === 'revoked') {
    return sendError(
      reply,
      403,
      ERROR_CODES.forbidden,
      'This device has been revoked. Enroll it again.',
    );
  }
  return sendError(
    reply,
    401,
    ERROR_CODES.unauthenticated,
    'Send the device token as "Authorization: Bearer <token>"; this one is missing or unknown.',
  );
}
