/**
 * POST /api/v1/enroll: a device exchanges its one-time code for its token, exactly once.
 * Unauthenticated by nature, so it is held to the per-address limit; the code (256 bits) is
 * in the body, never in the URL, so the request log does not see it, and the answer, which
 * holds the token, is marked no-store.
 */
import type { FastifyInstance } from 'fastify';
import {
  ENROLL_PATH,
  ERROR_CODES,
  enrollRequestSchema,
  type EnrollResponse,
} from '../../../src/protocol/sync-api';
import { exchangeEnrollmentCode } from '../enrollment';
import type { CollectorStore } from '../store/collector-store';
import { sendError } from './errors';

export function registerEnrollRoute(
  app: FastifyInstance,
  stores: Pick<CollectorStore, 'enrollments'>,
  now: () => Date,
): void {
  app.post(ENROLL_PATH, async (request, reply) => {
    const body = enrollRequestSchema.safeParse(request.body);
    if (!body.success) {
      return sendError(
        reply,
        400,
        ERROR_CODES.malformed,
        'The body must be { "code": the enrollment code from the link }.',
      );
    }
    const result = await exchangeEnrollmentCode(stores, body.data.code, now());
    switch (result.outcome) {
      case 'enrolled': {
        const answer: EnrollResponse = { enrollment: result.enrollment };
        return reply.header('cache-control', 'no-store').send(answer);
      }
      case 'used':
        return sendError(
          reply,
          410,
          ERROR_CODES.enrollmentCodeUsed,
          'This enrollment link has already been used. Ask for a new one.',
        );
      case 'expired':
        return sendError(
          reply,
          410,
          ERROR_CODES.enrollmentCodeExpired,
          'This enrollment link has expired. Ask for a new one.',
        );
      case 'unknown':
        return sendError(
          reply,
          404,
          ERROR_CODES.enrollmentCodeUnknown,
          'This collector made no such enrollment code.',
        );
    }
  });
}
