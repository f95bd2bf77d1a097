/**
 * The collector's rate limits, enforced with @fastify/rate-limit (its in-memory store, fixed
 * windows):
 *  - an authenticated device: `device.max` requests per window, whatever it asks;
 *  - anything else (no token, a wrong or revoked token, a wrong admin token, the enrollment
 *    exchange, the health check, unknown routes): `address.max` per window per client address.
 * The admin, once authenticated, is not limited. CORS preflights are not counted: they carry
 * no credential, so there is nothing to guess through them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES } from '../../../src/protocol/sync-api';
import { sendError } from './errors';

export interface RateLimit {
  max: number;
  timeWindowMs: number;
}

export interface RateLimits {
  /** Per authenticated device. */
  device: RateLimit;
  /** Per client address, for requests without valid credentials. */
  address: RateLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  device: { max: 600, timeWindowMs: 60_000 },
  // A library's kiosks may share one public address; they only come here unauthenticated to
  // enroll, so 60 a minute leaves them room and still stops anyone guessing tokens.
  address: { max: 60, timeWindowMs: 60_000 },
};

export function validateRateLimits(limits: RateLimits): RateLimits {
  for (const limit of [limits.device, limits.address]) {
    if (!(Number.isInteger(limit.max) && limit.max >= 1 && limit.timeWindowMs >= 1000)) {
      throw new RangeError('rate limit: max must be >= 1 and the window at least 1 s');
    }
  }
  return limits;
}

/** Counts one request against `key`; answers 429 with Retry-After once it is over. */
export type Limiter = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

/** Needs @fastify/rate-limit registered on `app` (createRateLimit). */
export function createLimiters(
  app: FastifyInstance,
  limits: RateLimits,
): { byDevice: Limiter; byAddress: Limiter } {
  const make = (limit: RateLimit, what: string, key: (request: FastifyRequest) => string) => {
    const check = app.createRateLimit({
      max: limit.max,
      timeWindow: limit.timeWindowMs,
      keyGenerator: key,
    });
    return async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
      const decision = await check(request);
      if (decision.isAllowed || !decision.isExceeded) return true;
      const retryAfter = Math.max(1, decision.ttlInSeconds);
      reply.header('retry-after', String(retryAfter));
      await sendError(
        reply,
        429,
        ERROR_CODES.rateLimited,
        `Too many requests ${what}: retry after ${retryAfter} s.`,
      );
      return false;
    };
  };
  return {
    byDevice: make(limits.device, 'from this device', (request) => `device:${request.device?.id}`),
    byAddress: make(
      limits.address,
      'without valid credentials from this address',
      (request) => `address:${request.ip}`,
    ),
  };
}
