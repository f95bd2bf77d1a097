/**
 * What the collector answers before any route runs: a JSON 405 (with Allow) for a method the
 * path does not support, CONNECT included, and a 415 for a body it would otherwise misread:
 * a Content-Encoding other than identity (Fastify ignores it and would parse the compressed
 * bytes as text) or a charset other than UTF-8 (it would parse UTF-16 or Latin-1 as UTF-8).
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { ERROR_CODES, type ErrorResponse } from '../../../src/protocol/sync-api';
import { sendError, type ErrorCode } from './errors';

interface RouteMethods {
  pattern: RegExp;
  methods: Set<string>;
}

/** "/api/v1/help-requests/:id/accept" → a pattern matching any one segment for ":id". */
function routePattern(url: string): RegExp {
  const source = url
    .split('/')
    .map((part) =>
      part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** The CORS preflight answers OPTIONS on every path (cors.ts), so every path allows it. */
function allowHeader(methods: Iterable<string>): string {
  return [...new Set([...methods, 'OPTIONS'])].sort().join(', ');
}

const NOT_ALLOWED_MESSAGE =
  'This method is not supported here; the Allow header lists those that are.';

/**
 * Every method some route of the collector answers (for answers given before routing); DELETE
 * since the dashboard API (/admin/api/accounts/:id).
 */
export const COLLECTOR_METHODS = 'DELETE, GET, HEAD, OPTIONS, POST, PUT';

/** An error answer written straight to the socket, for requests Fastify never sees. */
function writeRawError(
  socket: Duplex,
  status: number,
  code: ErrorCode,
  message: string,
  extraHeaders = '',
): void {
  const body: ErrorResponse = { error: { code, message } };
  const json = JSON.stringify(body);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${extraHeaders}` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(json)}\r\n` +
      'Connection: close\r\n\r\n' +
      json,
  );
}

/**
 * Node hands CONNECT to the server's 'connect' event, not to Fastify, and with no listener it
 * drops the connection without a word. The collector is no proxy: it answers 405 and closes.
 */
function refuseConnect(allow: () => string) {
  return (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    writeRawError(
      socket,
      405,
      ERROR_CODES.methodNotAllowed,
      NOT_ALLOWED_MESSAGE,
      `Allow: ${allow()}\r\n`,
    );
  };
}

/**
 * Fastify's clientErrorHandler: what Node's HTTP parser refuses before any route runs. A
 * method Node does not know (BREW, or any token) gets the JSON 405 every other method gets;
 * the rest keep their status (408, 431, 400) but in the collector's one error shape.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  socket.on('error', () => socket.destroy());
  switch (error.code) {
    case 'HPE_INVALID_METHOD':
      return writeRawError(
        socket,
        405,
        ERROR_CODES.methodNotAllowed,
        NOT_ALLOWED_MESSAGE,
        `Allow: ${COLLECTOR_METHODS}\r\n`,
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return writeRawError(
        socket,
        408,
        ERROR_CODES.malformed,
        'The request took too long to arrive.',
      );
    case 'HPE_HEADER_OVERFLOW':
      return writeRawError(
        socket,
        431,
        ERROR_CODES.malformed,
        'The request headers are too large.',
      );
    default:
      return writeRawError(socket, 400, ERROR_CODES.malformed, 'The request is not valid HTTP.');
  }
}

/** The charset parameter of a Content-Type, lower case and unquoted, or null when absent. */
export function charsetOf(contentType: string): string | null {
  for (const parameter of contentType.split(';').slice(1)) {
    const [name, ...value] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset') {
      return value.join('=').trim().replace(/^"|"$/g, '').toLowerCase();
    }
  }
  return null;
}

/** Call before any route is registered: it learns each path's methods as routes are added. */
export function installProtocolGuards(app: FastifyInstance): void {
  const routes = new Map<string, RouteMethods>();
  app.addHook('onRoute', (route) => {
    const entry = routes.get(route.url) ?? { pattern: routePattern(route.url), methods: new Set() };
    for (const method of [route.method].flat()) entry.methods.add(method.toUpperCase());
    routes.set(route.url, entry);
  });
  const methodsFor = (path: string) =>
    new Set([...routes.values()].flatMap((r) => (r.pattern.test(path) ? [...r.methods] : [])));

  app.server.on(
    'connect',
    refuseConnect(() => allowHeader([...routes.values()].flatMap((r) => [...r.methods]))),
  );

  app.addHook('onRequest', async (request, reply) => {
    if (reply.sent) return reply;
    // No route matched: a path that exists with other methods answers 405, not 404.
    if (request.routeOptions.url === undefined) {
      const allowed = methodsFor(request.url.split('?')[0] ?? '');
      if (allowed.size > 0 && !allowed.has(request.method)) {
        reply.header('allow', allowHeader(allowed));
        return sendError(reply, 405, ERROR_CODES.methodNotAllowed, NOT_ALLOWED_MESSAGE);
      }
    }
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      return sendError(
        reply,
        415,
        ERROR_CODES.unsupportedMediaType,
        'Send the body uncompressed: no Content-Encoding other than identity.',
      );
    }
    const charset = charsetOf(request.headers['content-type'] ?? '');
    if (charset !== null && charset !== 'utf-8') {
      return sendError(
        reply,
        415,
        ERROR_CODES.unsupportedMediaType,
        'Send the body as application/json in UTF-8 (charset=utf-8, or no charset).',
      );
    }
    return undefined;
  });
}
