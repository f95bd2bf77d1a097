// POST /api/v1/events over real loopback HTTP, against PGlite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_EVENT_TYPES } from '../../src/protocol/events';
import {
  ERROR_CODES,
  MAX_BATCH_EVENTS,
  eventBatchResponseSchema,
  type EventBatchResponse,
} from '../../src/protocol/sync-api';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { enrollOverHttp } from '../support/enroll';
import {
  SETUP_TIMEOUT_MS,
  LENIENT_RATE_LIMITS,
  STORE_CASES,
  makeEvent,
  postEvents,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const ADMIN_TOKEN = 'events-test-admin-token-of-32-chars-or-more';
const KIOSK_URL = 'http://127.0.0.1:4173';

function results(body: unknown): EventBatchResponse['results'] {
  return eventBatchResponseSchema.parse(body).results;
}

describe.each(STORE_CASES)('events endpoint ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({
      port: 0,
      ...setup.options,
      adminToken: ADMIN_TOKEN,
      rateLimit: LENIENT_RATE_LIMITS,
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  async function device(role: 'kiosk' | 'staff' = 'kiosk') {
    const helpPointId = uniqueHelpPoint();
    const enrollment = await enrollOverHttp(collector, { helpPointId, kioskUrl: KIOSK_URL, role });
    return { helpPointId, token: enrollment.token, deviceId: enrollment.deviceId };
  }

  it('accepts every event type, answering one result per event in order', async () => {
    const dev = await device();
    const { helpPointId, token } = dev;
    const events = LOG_EVENT_TYPES.map((type) => makeEvent(dev, type));
    // The withdrawal takes back the batch's own question: a device may withdraw only its own.
    const question = events.find((event) => event.type === 'question');
    const withdrawal = events.findIndex((event) => event.type === 'question-withdrawn');
    if (question?.type !== 'question') throw new Error('no question event');
    events[withdrawal] = makeEvent(dev, 'question-withdrawn', {
      data: { recordId: question.data.recordId },
    });
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
    const dev = await device();
    const { helpPointId, token } = dev;
    const batch = { events: [makeEvent(dev, 'visit'), makeEvent(dev, 'lesson')] };
    const first = await postEvents(collector.url, token, batch);
    const idsAfterFirst = await collector.listEventIds();
    const second = await postEvents(collector.url, token, batch);
    expect(results(first.body).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(results(second.body).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await collector.listEventIds()).toEqual(idsAfterFirst);
    expect(await collector.countEvents({ helpPointId })).toBe(2);
  });

  it('marks a repeated id inside one batch as duplicate', async () => {
    const dev = await device();
    const { helpPointId, token } = dev;
    const event = makeEvent(dev);
    const answer = await postEvents(collector.url, token, { events: [event, event] });
    expect(results(answer.body)).toEqual([
      { index: 0, id: event.id, status: 'accepted' },
      { index: 1, id: event.id, status: 'duplicate' },
    ]);
    expect(await collector.countEvents({ helpPointId })).toBe(1);
  });

  it('rejects bad events one by one without sinking the batch or echoing their values', async () => {
    const dev = await device();
    const { helpPointId, token } = dev;
    const good = makeEvent(dev, 'question');
    const freeText = { ...makeEvent(dev), note: 'Anna Andersson, 070-1234567' };
    const badCode = {
      ...makeEvent(dev),
      data: { answer: 'Anna', context: 'visit', language: 'sv' },
    };
    const otherPlace = makeEvent(uniqueHelpPoint('elsewhere'));
    const futureVersion = { ...makeEvent(dev), schemaVersion: 2 };
    const answer = await postEvents(collector.url, token, {
      events: [
        freeText,
        good,
        badCode,
        42,
        otherPlace,
        futureVersion,
        { ...makeEvent(dev), id: 7 },
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
    expect(JSON.stringify(answer.body)).not.toMatch(/Anna|070-1234567/);
    expect(await collector.countEvents({ helpPointId })).toBe(1);
  });

  it('takes a full batch of 500 events in one request', async () => {
    const dev = await device('staff');
    const { helpPointId, token } = dev;
    const events = Array.from({ length: MAX_BATCH_EVENTS }, () => makeEvent(dev, 'question'));
    const answer = await postEvents(collector.url, token, { events });
    expect(answer.status).toBe(200);
    expect(results(answer.body).every((r) => r.status === 'accepted')).toBe(true);
    expect(await collector.countEvents({ helpPointId })).toBe(MAX_BATCH_EVENTS);
  });

  it('answers 413 for more than 500 events and for a body over the size limit', async () => {
    const dev = await device();
    const { token } = dev;
    const before = await collector.listEventIds();
    const tooMany = Array.from({ length: MAX_BATCH_EVENTS + 1 }, () => makeEvent(dev));
    const many = await postEvents(collector.url, token, { events: tooMany });
    expect(many.status).toBe(413);
    expect(many.body).toMatchObject({ error: { code: ERROR_CODES.tooLarge } });

    const huge = JSON.stringify({ events: [makeEvent(dev)], pad: 'x'.repeat(1_100_000) });
    const large = await postEvents(collector.url, token, huge);
    expect(large.status).toBe(413);
    expect(large.body).toMatchObject({ error: { code: ERROR_CODES.tooLarge } });
    expect(await collector.listEventIds()).toEqual(before);
  });

  it('answers 401 without a known token and 403 for a revoked device', async () => {
    const dev = await device();
    const { token, deviceId } = dev;
    const batch = { events: [makeEvent(dev)] };
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
        'access-control-request-headers': 'authorization, content-type, if-none-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, if-none-match',
    );
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(preflight.headers.get('access-control-expose-headers')).toBe('Retry-After, ETag, Date');

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
    // The path exists, only not for GET: 405 with the methods it has (protocol-guards.ts).
    const wrongMethod = await request(collector.url, '/api/v1/events');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('OPTIONS, POST');
  });
});
