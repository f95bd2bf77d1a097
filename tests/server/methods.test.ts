// Methods and encodings over real HTTP: a JSON 405 with Allow for a method a path lacks
// (CONNECT and TRACE over a raw socket, since fetch will not send them), and a 415 for a
// Content-Encoding other than identity or a charset other than UTF-8. Both stores.
import { enrollOverHttp } from '../support/enroll';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, EVENTS_PATH, errorResponseSchema } from '../../src/protocol/sync-api';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import {
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  makeEvent,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

/** Sends raw bytes and reads until the server closes or 2 s pass. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      // One complete answer is enough (keep-alive would hold the socket open).
      const [head, body = ''] = received.split('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(head ?? '')?.[1];
      if (length !== undefined && Buffer.byteLength(body) >= Number(length)) socket.end();
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, 2000);
  });
}

function parseRaw(text: string) {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = new Map(
    headerLines.map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()] as const;
    }),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) as unknown };
}

describe.each(STORE_CASES)('methods and encodings ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  let port: number;
  let helpPointId: string;
  let token: string;
  let deviceId: string;

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({ port: 0, ...setup.options, rateLimit: false });
    port = Number(new URL(collector.url).port);
    helpPointId = uniqueHelpPoint('methods');
    ({ token, deviceId } = await enrollOverHttp(collector, {
      helpPointId,
      kioskUrl: 'http://127.0.0.1:4173',
    }));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  it.each([
    ['PUT', EVENTS_PATH, 'OPTIONS, POST'],
    ['DELETE', EVENTS_PATH, 'OPTIONS, POST'],
    ['PATCH', '/api/v1/help-requests', 'GET, HEAD, OPTIONS, POST'],
    ['GET', '/api/v1/help-requests/019374d2-8c1e-7a3b-9f00-5d2c1e4b7a10/accept', 'OPTIONS, POST'],
    ['POST', '/api/v1/health', 'GET, HEAD, OPTIONS'],
    ['PROPFIND', '/api/v1/tally', 'GET, HEAD, OPTIONS'],
  ])('%s %s → JSON 405 with Allow: %s', async (method, path, allow) => {
    const answer = await request(collector.url, path, { method, token });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe(allow);
    expect(errorResponseSchema.parse(answer.body).error.code).toBe(ERROR_CODES.methodNotAllowed);
  });

  it('keeps 404 for a path that does not exist', async () => {
    const answer = await request(collector.url, '/api/v1/nothing', { method: 'PUT' });
    expect(answer.status).toBe(404);
  });

  it.each([
    ['CONNECT to a host', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'],
    ['CONNECT to a path', `CONNECT ${EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
    ['TRACE', `TRACE ${EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
    ['a method Node does not know', `BREW ${EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
  ])('answers %s with a JSON 405 instead of dropping the connection', async (_name, raw) => {
    const answer = parseRaw(await rawExchange(port, raw));
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toMatch(/POST/);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(errorResponseSchema.parse(answer.body).error.code).toBe(ERROR_CODES.methodNotAllowed);
    const health = await request(collector.url, '/api/v1/health');
    expect(health.status).toBe(200);
  });

  it.each([
    [
      'a header line that is no header',
      'GET /api/v1/health HTTP/1.1\r\nno colon here\r\n\r\n',
      400,
    ],
    [
      '32 KiB of headers',
      `GET /api/v1/health HTTP/1.1\r\nX-Big: ${'a'.repeat(32_768)}\r\n\r\n`,
      431,
    ],
  ])('answers %s in the one JSON error shape', async (_name, raw, status) => {
    const answer = parseRaw(await rawExchange(port, raw));
    expect(answer.status).toBe(status);
    expect(errorResponseSchema.parse(answer.body).error.code).toBe(ERROR_CODES.malformed);
  });

  const batch = () => JSON.stringify({ events: [makeEvent({ helpPointId, deviceId })] });

  it.each([
    ['gzip', () => gzipSync(batch()), { 'content-encoding': 'gzip' }],
    ['br (declared, body plain)', batch, { 'content-encoding': 'br' }],
    ['an unknown encoding', batch, { 'content-encoding': 'x-secret' }],
    ['charset=utf-16', () => Buffer.from(batch(), 'utf16le'), { charset: 'utf-16' }],
    ['charset=latin1', () => Buffer.from(batch(), 'latin1'), { charset: 'latin1' }],
    ['charset=iso-8859-1', batch, { charset: 'iso-8859-1' }],
  ] as const)('refuses %s with 415 and stores nothing', async (_name, body, options) => {
    const before = await collector.listEventIds();
    const headers: Record<string, string> = {
      'content-type': `application/json${'charset' in options ? `; charset=${options.charset}` : ''}`,
      ...('content-encoding' in options ? { 'content-encoding': options['content-encoding'] } : {}),
    };
    const answer = await request(collector.url, EVENTS_PATH, { token, body: body(), headers });
    expect(answer.status).toBe(415);
    expect(errorResponseSchema.parse(answer.body).error.code).toBe(
      ERROR_CODES.unsupportedMediaType,
    );
    expect(await collector.listEventIds()).toEqual(before);
  });

  it.each([
    ['no charset', 'application/json', {}],
    ['charset=utf-8', 'application/json; charset=utf-8', {}],
    ['charset="UTF-8"', 'application/json; charset="UTF-8"', {}],
    ['Content-Encoding: identity', 'application/json', { 'content-encoding': 'identity' }],
  ])('accepts %s', async (_name, contentType, extra) => {
    const answer = await request(collector.url, EVENTS_PATH, {
      token,
      body: batch(),
      headers: { 'content-type': contentType, ...extra },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ results: [{ status: 'accepted' }] });
  });
});
