// POST /api/v1/events over real loopback HTTP, against PGlite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { LOG_EVENT_TYPES } from '../../src/protocol/events';
import {
  ERROR_CODES,
  MAX_BATCH_EVENTS,
  eventBatchResponseSchema,
  type EventBatchResponse,
} from '../../src/protocol/sync-api';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import {
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  makeEvent,
  postEvents,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const ADMIN_TOKEN = 'events-test-admin-token';
const KIOSK_URL = 'http://127.0.0.1:4173';

function results(body: unknown): EventBatchResponse['results'] {
  return eventBatchResponseSchema.parse(body).results;
}

describe.each(STORE_CASES)('events endpoint ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({ port: 0, ...setup.options, adminToken: ADMIN_TOKEN });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  async function device(role: 'kiosk' | 'staff' = 'kiosk') {
    const helpPointId = uniqueHelpPoint();
    const { enrollment } = await collector.enroll({ helpPointId, kioskUrl: KIOSK_URL, role });
    return { helpPointId, token: enrollment.token, deviceId: enrollment.deviceId };
  }

  it('accepts every event type, answering one result per event in order', async () => {
    const { helpPointId, token } = await device();
    const events = LOG_EVENT_TYPES.map((type) => makeEvent(helpPointId, type));
    const before = Date.now();
    const answer = await postEvents(collector.url, token, { events });
    expect(answer.status).toBe(200);
    const body = eventBatchResponseSchema.parse(answer.body);
    expect(Date.parse(body.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(body.results).toEqual(
      events.map((event, index) => ({ index, id: event.id, status: 'accepted' })),
    );
    expect(await collector.countEvents({ helpPointId })).toBe(LOG_EVENT_TYPES.length);
    expect(await collector.countEvents({ helpPointId, type: 'question' })).toBe(1);
  });

  it('stores a replayed batch once and answers duplicate the second time', async () => {
    const { helpPointId, token } = await device();
    const batch = { events: [makeEvent(helpPointId, 'visit'), makeEvent(helpPointId, 'lesson')] };
    const first = await postEvents(collector.url, token, batch);
    const idsAfterFirst = await collector.listEventIds();
    const second = await postEvents(collector.url, token, batch);
    expect(results(first.body).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(results(second.body).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await collector.listEventIds()).toEqual(idsAfterFirst);
    expect(await collector.countEvents({ helpPointId })).toBe(2);
  });

  it('marks a repeated id inside one batch as duplicate', async () => {
    const { helpPointId, token } = await device();
    const event = makeEvent(helpPointId);
    const answer = await postEvents(collector.url, token, { events: [event, event] });
    expect(results(answer.body)).toEqual([
      { index: 0, id: event.id, status: 'accepted' },
      { index: 1, id: event.id, status: 'duplicate' },
    ]);
    expect(await collector.countEvents({ helpPointId })).toBe(1);
  });

  it('rejects bad events one by one without sinking the batch or echoing their values', async () => {
    const { helpPointId, token } = await device();
    const good = makeEvent(helpPointId, 'question');
    const freeText = { ...makeEvent(helpPointId), note: 'Anna Andersson, 070-1234567' };
    const badCode = {
      ...makeEvent(helpPointId),
      data: { answer: 'Anna', context: 'visit', language: 'sv' },
    };
    const otherPlace = makeEvent(uniqueHelpPoint('elsewhere'));
    const futureVersion = { ...makeEvent(helpPointId), schemaVersion: 2 };
    const answer = await postEvents(collector.url, token, {
      events: [
        freeText,
        good,
        badCode,
        42,
        otherPlace,
        futureVersion,
        { ...makeEvent(helpPointId), id: 7 },
      ],
    });
    expect(answer.status).toBe(200);
    const list = results(answer.body);
    expect(list.map((r) => [r.index, r.status])).toEqual([
      [0, 'rejected'],
      [1, 'accepted'],
      [2, 'rejected'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'rejected'],
    ]);
    expect(list.map((r) => r.id)).toEqual([
      freeText.id,
      good.id,
      badCode.id,
      null,
      otherPlace.id,
      futureVersion.id,
      null,
    ]);
    expect(list[0]?.reason).toMatch(/^invalid-event: /);
    expect(list[2]?.reason).toBe('invalid-event: data.answer: not one of the allowed values');
    expect(list[3]?.reason).toMatch(/^invalid-event: /);
    expect(list[4]?.reason).toMatch(/^help-point-mismatch/);
    expect(list[5]?.reason).toMatch(/^unsupported-schema-version/);
    expect(list[6]?.reason).toBe('invalid-event: id: expected string');
    expect(JSON.stringify(answer.body)).not.toMatch(/Anna|070/);
    expect(await collector.countEvents({ helpPointId })).toBe(1);
  });

  it('takes a full batch of 500 events in one request', async () => {
    const { helpPointId, token } = await device('staff');
    const events = Array.from({ length: MAX_BATCH_EVENTS }, () =>
      makeEvent(helpPointId, 'question'),
    );
    const answer = await postEvents(collector.url, token, { events });
    expect(answer.status).toBe(200);
    expect(results(answer.body).every((r) => r.status === 'accepted')).toBe(true);
    expect(await collector.countEvents({ helpPointId })).toBe(MAX_BATCH_EVENTS);
  });

  it('answers 413 for more than 500 events and for a body over the size limit', async () => {
    const { helpPointId, token } = await device();
    const before = await collector.listEventIds();
    const tooMany = Array.from({ length: MAX_BATCH_EVENTS + 1 }, () => makeEvent(helpPointId));
    const many = await postEvents(collector.url, token, { events: tooMany });
    expect(many.status).toBe(413);
    expect(many.body).toMatchObject({ error: { code: ERROR_CODES.tooLarge } });

    const huge = JSON.stringify({ events: [makeEvent(helpPointId)], pad: 'x'.repeat(1_100_000) });
    const large = await postEvents(collector.url, token, huge);
    expect(large.status).toBe(413);
    expect(large.body).toMatchObject({ error: { code: ERROR_CODES.tooLarge } });
    expect(await collector.listEventIds()).toEqual(before);
  });

  it('answers 401 without a known token and 403 for a revoked device', async () => {
    const { helpPointId, token, deviceId } = await device();
    const batch = { events: [makeEvent(helpPointId)] };
    const before = await collector.listEventIds();
    for (const auth of [undefined, 'x'.repeat(43), `${token}x`, '']) {
      const answer = await postEvents(collector.url, auth, batch);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: ERROR_CODES.unauthenticated } });
    }
    const basic = await postEvents(collector.url, undefined, batch, {
      'content-type': 'application/json',
      authorization: `Basic ${token}`,
    });
    expect(basic.status).toBe(401);

    const revoke = await request(collector.url, `/api/v1/admin/devices/${deviceId}/revoke`, {
      method: 'POST',
      token: ADMIN_TOKEN,
    });
    expect(revoke.status).toBe(200);
    const revoked = await postEvents(collector.url, token, batch);
    expect(revoked.status).toBe(403);
    expect(revoked.body).toMatchObject({ error: { code: ERROR_CODES.forbidden } });
    expect(await collector.listEventIds()).toEqual(before);
  });

  it('answers CORS preflights and adds CORS headers to answers, errors included', async () => {
    const preflight = await fetch(`${collector.url}/api/v1/events`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://kiosk.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type',
    );
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(preflight.headers.get('access-control-expose-headers')).toBe('Retry-After, Date');

    const unauthenticated = await postEvents(collector.url, undefined, { events: [] });
    expect(unauthenticated.headers.get('access-control-allow-origin')).toBe('*');
    const health = await request(collector.url, '/api/v1/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(health.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const answer = await request(collector.url, '/api/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      error: { code: ERROR_CODES.notFound, message: expect.any(String) },
    });
    expect((await request(collector.url, '/api/v1/events')).status).toBe(404);
  });

  it('answers 429 with Retry-After once a device has used its burst (default 100)', async () => {
    const { helpPointId, token } = await device();
    // Requests count before the body is read, so cheap bad ones use the budget up quickly.
    const burst = await Promise.all(
      Array.from({ length: 100 }, () => postEvents(collector.url, token, '{"events":[]}')),
    );
    expect(burst.every((answer) => answer.status === 400)).toBe(true);
    // The bucket refills at 10/s meanwhile, so the very next one may still pass.
    let limited = await postEvents(collector.url, token, { events: [makeEvent(helpPointId)] });
    for (let i = 0; i < 20 && limited.status !== 429; i += 1) {
      limited = await postEvents(collector.url, token, '{"events":[]}');
    }
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: ERROR_CODES.rateLimited } });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After, Date');
    const stored = await collector.countEvents({ helpPointId });

    // Other devices are not held back by this one, nor by requests without a valid token.
    const other = await device();
    for (let i = 0; i < 5; i += 1) {
      expect((await postEvents(collector.url, 'B'.repeat(43), { events: [] })).status).toBe(401);
    }
    const answer = await postEvents(collector.url, other.token, {
      events: [makeEvent(other.helpPointId)],
    });
    expect(answer.status).toBe(200);

    // 600 a minute is one every 100 ms.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const later = await postEvents(collector.url, token, { events: [makeEvent(helpPointId)] });
    expect(later.status).toBe(200);
    expect(await collector.countEvents({ helpPointId })).toBe(stored + 1);
  });

  it('keeps the token device and the event device apart', async () => {
    const { helpPointId, token } = await device();
    // A staff tablet may deliver events recorded under another device id of the same place.
    const event = makeEvent(helpPointId, 'feedback', { deviceId: uuidv7() });
    const answer = await postEvents(collector.url, token, { events: [event] });
    expect(results(answer.body)[0]?.status).toBe('accepted');
  });
});
