// What help requests refuse, over real loopback HTTP against PGlite and PostgreSQL alike:
// the per-device open-request limit, malformed bodies, missing and revoked tokens; and the
// CORS a staff tablet on another origin needs.
import { describe, expect, it } from 'vitest';
import { HELP_REQUESTS_PATH, MAX_OPEN_REQUESTS_PER_DEVICE } from '../../src/protocol/help-requests';
import { ERROR_CODES, errorResponseSchema } from '../../src/protocol/sync-api';
import { newRequest, requestOf, requestsOf, useCollector } from './help-request-support';
import { STORE_CASES, request } from './support';

const VALID = newRequest();

/** Bodies that must be refused with 400, and what the message must name. */
const BAD_BODIES: { name: string; body: string; names: RegExp }[] = [
  { name: 'invalid JSON', body: '{"id": ', names: /not valid JSON/ },
  { name: 'a JSON array', body: '[]', names: /\(body\): expected object/ },
  { name: 'JSON null', body: 'null', names: /\(body\): expected object/ },
  { name: 'an empty object', body: '{}', names: /id: expected string/ },
  { name: 'a non-UUIDv7 id', body: JSON.stringify({ ...VALID, id: 'abc' }), names: /id: must/ },
  {
    name: 'an unknown language',
    body: JSON.stringify({ ...VALID, language: 'de' }),
    names: /language: not one of the allowed values/,
  },
  {
    name: 'a number as errandId',
    body: JSON.stringify({ ...VALID, errandId: 5 }),
    names: /errandId: expected string/,
  },
  {
    name: 'free text as errandId',
    body: JSON.stringify({ ...VALID, errandId: 'Anna Andersson 070-1234567' }),
    names: /errandId: must be a lower-case code/,
  },
  {
    name: 'a missing errandId',
    body: JSON.stringify({ id: VALID.id, language: 'sv' }),
    names: /errandId/,
  },
  {
    name: 'an extra field',
    body: JSON.stringify({ ...VALID, note: 'Anna Andersson, 070-1234567' }),
    names: /has a field the schema does not allow/,
  },
  {
    name: 'a __proto__ key',
    body: `{"__proto__":{"polluted":true},${JSON.stringify(VALID).slice(1)}`,
    names: /not valid JSON/,
  },
];

describe.each(STORE_CASES)('help request guards ($name)', (storeCase) => {
  const collector = useCollector(storeCase);
  const { ask, list, act } = collector;

  it(`refuses more than ${MAX_OPEN_REQUESTS_PER_DEVICE} open requests per device with 429 and Retry-After`, async () => {
    const { kiosk, staff } = await collector.helpPoint();
    const made = [];
    for (let i = 0; i < MAX_OPEN_REQUESTS_PER_DEVICE; i += 1) {
      const answer = await ask(kiosk.token, newRequest());
      expect(answer.status).toBe(201);
      made.push(requestOf(answer));
    }
    const refused = await ask(kiosk.token, newRequest());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(refused.body).toEqual({
      error: {
        code: ERROR_CODES.rateLimited,
        message: expect.stringMatching(/already has 3 open help requests.*Retry after 60 s/),
      },
    });
    expect(requestsOf(await list(staff.token))).toEqual(made);

    // A retry of a stored request is still answered; another kiosk is not held back.
    const [first, , third] = made;
    if (!first || !third) throw new Error('requests missing');
    const { id, language, errandId } = third;
    expect((await ask(kiosk.token, { id, language, errandId })).status).toBe(200);
    const otherKiosk = await collector.enroll(first.helpPointId, 'kiosk');
    expect((await ask(otherKiosk.token, newRequest())).status).toBe(201);
    // An accepted request is no longer open: that frees a place.
    expect((await act(staff.token, first.id, 'accept')).status).toBe(200);
    expect((await ask(kiosk.token, newRequest())).status).toBe(201);
    expect((await ask(kiosk.token, newRequest())).status).toBe(429);
  });

  it('holds the limit when one device posts many requests at once', async () => {
    const { kiosk, staff } = await collector.helpPoint();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => ask(kiosk.token, newRequest())),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    expect(requestsOf(await list(staff.token))).toHaveLength(MAX_OPEN_REQUESTS_PER_DEVICE);
  });

  it.each(BAD_BODIES)('answers 400 for $name, naming the problem', async ({ body, names }) => {
    const { kiosk, staff } = await collector.helpPoint();
    const answer = await ask(kiosk.token, body);
    expect(answer.status).toBe(400);
    const { error } = errorResponseSchema.parse(answer.body);
    expect(error.code).toBe(ERROR_CODES.malformed);
    expect(error.message).toMatch(names);
    expect(JSON.stringify(answer.body)).not.toMatch(/Anna|070-1234567|polluted/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(requestsOf(await list(staff.token))).toEqual([]);
  });

  it('refuses bodies that are not JSON (415) and a missing body (400)', async () => {
    const { kiosk, staff } = await collector.helpPoint();
    const text = await ask(kiosk.token, VALID, { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ error: { code: ERROR_CODES.unsupportedMediaType } });
    const form = await ask(kiosk.token, 'id=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const none = await request(collector.url, HELP_REQUESTS_PATH, {
      method: 'POST',
      token: kiosk.token,
    });
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ error: { code: ERROR_CODES.malformed } });
    expect(requestsOf(await list(staff.token))).toEqual([]);
  });

  it('answers 401 without a known token and 403 for a revoked device, on every route', async () => {
    const { kiosk, staff } = await collector.helpPoint();
    const stored = requestOf(await ask(kiosk.token, newRequest()));
    const calls = (token: string | undefined) => [
      () => ask(token, newRequest()),
      () => list(token),
      () => act(token, stored.id, 'accept'),
      () => act(token, stored.id, 'close'),
      () => collector.tally(token, 'from=2026-01-01T00:00:00Z'),
    ];
    for (const token of [undefined, 'A'.repeat(43), `${staff.token}x`]) {
      for (const call of calls(token)) {
        const answer = await call();
        expect(answer.status).toBe(401);
        expect(answer.body).toMatchObject({ error: { code: ERROR_CODES.unauthenticated } });
      }
    }
    expect((await collector.revoke(staff.deviceId)).status).toBe(200);
    expect((await collector.revoke(kiosk.deviceId)).status).toBe(200);
    for (const token of [staff.token, kiosk.token]) {
      for (const call of calls(token)) {
        const answer = await call();
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({
          error: { code: ERROR_CODES.forbidden, message: expect.stringMatching(/revoked/) },
        });
      }
    }
    const stillThere = await collector.enroll(stored.helpPointId, 'staff');
    expect(requestsOf(await list(stillThere.token))).toEqual([stored]);
  });

  it('answers CORS preflights for every help-request route', async () => {
    const { kiosk } = await collector.helpPoint();
    for (const [path, method] of [
      [HELP_REQUESTS_PATH, 'GET'],
      [HELP_REQUESTS_PATH, 'POST'],
      [`${HELP_REQUESTS_PATH}/${VALID.id}/accept`, 'POST'],
      ['/api/v1/tally?from=x', 'GET'],
    ] as const) {
      const preflight = await fetch(`${collector.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://staff.example',
          'access-control-request-method': method,
          'access-control-request-headers': 'authorization, content-type, if-none-match',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-methods')).toContain(method);
      expect(preflight.headers.get('access-control-allow-headers')).toBe(
        'authorization, content-type, if-none-match',
      );
    }
    const answer = await ask(kiosk.token, newRequest());
    expect(answer.status).toBe(201);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toBe('Retry-After, ETag, Date');
  });
});
