// Hostile and malformed requests: each gets a JSON 4xx or per-event rejections, nothing is
// stored, and the collector keeps answering. Runs against PGlite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, EVENTS_PATH, errorResponseSchema } from '../../src/protocol/sync-api';
import { enrollOverHttp } from '../support/enroll';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import {
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  makeEvent,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const JSON_TYPE = { 'content-type': 'application/json' };

interface HostileCase {
  name: string;
  /** The body as sent; a function gets the device's help point and token. */
  body: (helpPointId: string) => BodyInit | undefined;
  headers?: Record<string, string>;
  /** The device token is sent unless this is false or a string (sent instead). */
  token?: false | string;
  status: number;
  code?: string;
}

const nested = (depth: number) => `{"events":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;

const CASES: HostileCase[] = [
  { name: 'invalid JSON', body: () => '{"events": [', status: 400, code: ERROR_CODES.malformed },
  { name: 'a JSON array', body: () => '[]', status: 400, code: ERROR_CODES.malformed },
  { name: 'a JSON number', body: () => '42', status: 400, code: ERROR_CODES.malformed },
  { name: 'JSON null', body: () => 'null', status: 400, code: ERROR_CODES.malformed },
  { name: 'a JSON string', body: () => '"events"', status: 400, code: ERROR_CODES.malformed },
  { name: 'an empty body', body: () => '', status: 400, code: ERROR_CODES.malformed },
  { name: 'no body at all', body: () => undefined, headers: {}, status: 400 },
  { name: 'events not an array', body: () => '{"events":{"0":{}}}', status: 400 },
  { name: 'events a string', body: () => '{"events":"all of them"}', status: 400 },
  { name: 'an empty events array', body: () => '{"events":[]}', status: 400 },
  {
    name: 'an extra top-level field',
    body: (hp) => JSON.stringify({ events: [makeEvent(hp)], comment: 'hi' }),
    status: 400,
  },
  {
    name: '501 events',
    body: () => JSON.stringify({ events: Array.from({ length: 501 }, () => ({})) }),
    status: 413,
    code: ERROR_CODES.tooLarge,
  },
  {
    name: 'a 2 MiB string',
    body: () => JSON.stringify({ events: ['x'.repeat(2 * 1024 * 1024)] }),
    status: 413,
    code: ERROR_CODES.tooLarge,
  },
  { name: 'deeply nested arrays', body: () => nested(100_000), status: 200 },
  {
    name: 'deeply nested objects',
    body: () => `{"events":[${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}]}`,
    status: 200,
  },
  {
    name: 'a __proto__ key',
    body: () => '{"events":[{}],"__proto__":{"polluted":true}}',
    status: 400,
    code: ERROR_CODES.malformed,
  },
  {
    name: 'a constructor.prototype key',
    body: () => '{"events":[{"constructor":{"prototype":{"polluted":true}}}]}',
    status: 400,
    code: ERROR_CODES.malformed,
  },
  {
    name: 'a __proto__ key inside an event',
    body: (hp) =>
      JSON.stringify({ events: [makeEvent(hp)] }).replace('{"id"', '{"__proto__":{},"id"'),
    status: 400,
    code: ERROR_CODES.malformed,
  },
  {
    name: 'a plain constructor key inside an event',
    body: (hp) => JSON.stringify({ events: [{ ...makeEvent(hp), constructor: 'x' }] }),
    status: 200,
  },
  {
    name: 'wrong types in every field',
    body: () =>
      JSON.stringify({
        events: [
          {
            id: 1,
            schemaVersion: '1',
            occurredAt: 0,
            helpPointId: [],
            deviceId: {},
            type: 9,
            data: 'x',
          },
        ],
      }),
    status: 200,
  },
  {
    name: 'huge strings inside an event',
    body: (hp) => JSON.stringify({ events: [{ ...makeEvent(hp), id: 'x'.repeat(400_000) }] }),
    status: 200,
  },
  {
    name: 'a valid event with an extra free-text field',
    body: (hp) => JSON.stringify({ events: [{ ...makeEvent(hp), note: 'Anna, 19450101-1234' }] }),
    status: 200,
  },
  {
    name: 'text/plain',
    body: (hp) => JSON.stringify({ events: [makeEvent(hp)] }),
    headers: { 'content-type': 'text/plain' },
    status: 415,
    code: ERROR_CODES.unsupportedMediaType,
  },
  {
    name: 'a form body',
    body: () => 'events=1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: ERROR_CODES.unsupportedMediaType,
  },
  {
    name: 'no content type',
    body: (hp) => new Blob([JSON.stringify({ events: [makeEvent(hp)] })]),
    headers: {},
    status: 415,
  },
  {
    name: 'no token',
    body: (hp) => JSON.stringify({ events: [makeEvent(hp)] }),
    token: false,
    status: 401,
    code: ERROR_CODES.unauthenticated,
  },
  {
    name: 'a wrong token',
    body: (hp) => JSON.stringify({ events: [makeEvent(hp)] }),
    token: 'A'.repeat(43),
    status: 401,
    code: ERROR_CODES.unauthenticated,
  },
  {
    name: 'an absurd authorization header',
    body: (hp) => JSON.stringify({ events: [makeEvent(hp)] }),
    token: `${'x'.repeat(5000)} y`,
    status: 401,
  },
];

describe.each(STORE_CASES)('hostile requests ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  let token: string;
  let deviceId: string;
  let helpPointId: string;
  let baseline: string[];

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({ port: 0, ...setup.options, rateLimit: false });
    helpPointId = uniqueHelpPoint();
    ({ token, deviceId } = await enrollOverHttp(collector, {
      helpPointId,
      kioskUrl: 'http://127.0.0.1:4173',
    }));
    const own = { helpPointId, deviceId };
    // Something stored already, so "unchanged" is not just "still empty".
    const seeded = await request(collector.url, EVENTS_PATH, {
      token,
      body: JSON.stringify({ events: [makeEvent(own), makeEvent(own, 'visit')] }),
      headers: JSON_TYPE,
    });
    expect(seeded.status).toBe(200);
    baseline = await collector.listEventIds();
    expect(baseline).toHaveLength(2);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  it.each(CASES)('$name → $status, nothing stored, still healthy', async (hostile) => {
    const body = hostile.body(helpPointId);
    const answer = await request(collector.url, EVENTS_PATH, {
      method: 'POST',
      ...(hostile.token === false ? {} : { token: hostile.token ?? token }),
      ...(body === undefined ? {} : { body }),
      headers: hostile.headers ?? JSON_TYPE,
    });
    expect(answer.status).toBe(hostile.status);
    if (answer.status === 200) {
      const results = (answer.body as { results: { status: string; reason?: string }[] }).results;
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      expect(JSON.stringify(answer.body)).not.toMatch(/Anna|19450101|polluted/);
    } else {
      const error = errorResponseSchema.parse(answer.body);
      if (hostile.code) expect(error.error.code).toBe(hostile.code);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await collector.listEventIds()).toEqual(baseline);
    const health = await request(collector.url, '/api/v1/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('still takes a valid batch after all that', async () => {
    const event = makeEvent({ helpPointId, deviceId });
    const answer = await request(collector.url, EVENTS_PATH, {
      token,
      body: JSON.stringify({ events: [event] }),
      headers: JSON_TYPE,
    });
    expect(answer.status).toBe(200);
    expect(await collector.listEventIds()).toEqual([...baseline, event.id].sort());
  });
});
