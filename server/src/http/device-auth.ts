/**
 * Which enrolled device is calling: the bearer token is looked up by its hash. Runs in
 * onRequest, before the body is read, so an unauthenticated or rate-limited caller costs
 * the collector one hash and one indexed lookup, never a parse.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEVICE_TOKEN_PATTERN } from '../../../src/protocol/codes';
import { ERROR_CODES } from '../../../src/protocol/sync-api';
import type { DeviceRecord, DeviceStore } from '../store/device-store';
import { bearerToken, hashToken } from '../tokens';
import { sendError } from './errors';
import type { TokenBucketLimiter } from './rate-limit';

declare module 'fastify' {
  interface FastifyRequest {
    device: DeviceRecord | null;
  }
}

export function deviceAuth(devices: DeviceStore, limiter: TokenBucketLimiter | null) {
  return async function authenticateDevice(request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request.headers.authorization);
    // Anything not shaped like an enrolled token cannot be one: no hash, no look-up.
    const device =
      token && DEVICE_TOKEN_PATTERN.test(token)
        ? await devices.findByTokenHash(hashToken(token))
        : null;
    if (!device) {
      return sendError(
        reply,
        401,
        ERROR_CODES.unauthenticated,
        'Send the device token as "Authorization: Bearer <token>"; this one is missing or unknown.',
      );
    }
    if (device.revokedAt) {
      return sendError(
        reply,
        403,
        ERROR_CODES.forbidden,
        'This device has been revoked. Enroll it again.',
      );
    }
    const decision = limiter?.take(device.id);
    if (decision && !decision.allowed) {
      reply.header('retry-after', String(decision.retryAfterSeconds));
      return sendError(
        reply,
        429,
        ERROR_CODES.rateLimited,
        `Too many requests from this device: retry after ${decision.retryAfterSeconds} s.`,
      );
    }
    request.device = device;
  };
}
