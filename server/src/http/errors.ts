/**
 * Every error leaves the collector as `{ error: { code, message } }` with a code from the
 * shared ERROR_CODES. Messages are fixed texts: parser errors can quote the submitted body,
 * and nothing submitted is ever echoed back.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ERROR_CODES, type ErrorResponse } from '../../../src/protocol/sync-api';

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export function sendError(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
): FastifyReply {
  const body: ErrorResponse = { error: { code, message } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

function describe(status: number, bodyLimit: number): { code: ErrorCode; message: string } {
  switch (status) {
    case 400:
      return { code: ERROR_CODES.malformed, message: 'The body is not valid JSON.' };
    case 401:
      return { code: ERROR_CODES.unauthenticated, message: 'Missing or unknown token.' };
    case 403:
      return { code: ERROR_CODES.forbidden, message: 'Not allowed.' };
    case 404:
      return { code: ERROR_CODES.notFound, message: 'No such endpoint.' };
    case 413:
      return {
        code: ERROR_CODES.tooLarge,
        message: `The body is larger than ${bodyLimit} bytes: split the batch.`,
      };
    case 415:
      return {
        code: ERROR_CODES.unsupportedMediaType,
        message: 'Send the body as application/json.',
      };
    case 429:
      return { code: ERROR_CODES.rateLimited, message: 'Too many requests.' };
    default:
      return status < 500
        ? { code: ERROR_CODES.malformed, message: 'The request is malformed.' }
        : { code: ERROR_CODES.internal, message: 'The collector failed; try again later.' };
  }
}

export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
        ? error.statusCode
        : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const { code, message } = describe(status, bodyLimit);
    return sendError(reply, status, code, message);
  });
}

/** In the context whose hooks (who is calling, rate limits) unknown routes should pass too. */
export function installNotFoundHandler(app: FastifyInstance, bodyLimit: number): void {
  app.setNotFoundHandler((_request, reply) => {
    const { code, message } = describe(404, bodyLimit);
    return sendError(reply, 404, code, message);
  });
}
