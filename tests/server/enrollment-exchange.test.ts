// POST /api/v1/enroll: a one-time code is exchanged exactly once (410 "used" after that),
// not after its expiry (410 "expired"), never when unknown (404); against both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENROLL_PATH,
  ERROR_CODES,
  enrollResponseSchema,
  type Enrollment,
} from '../../src/protocol/sync-api';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { exchangeLink } from '../support/enroll';
import {
  LENIENT_RATE_LIMITS,
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  makeEvent,
  postEvents,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const ADMIN_TOKEN = 'enrollment-exchange-test-admin-token-0123';
const KIOSK_URL = 'http://127.0.0.1:4173';
const HOUR_MS = 60 * 60_000;

function enrollmentOf(body: unknown): Enrollment {
  return enrollResponseSchema.parse(body).enrollment;
}

async function exchangeAt(collectorUrl: string, code: string) {
  return request(collectorUrl, ENROLL_PATH, {
    body: JSON.stringify({ code }),
    headers: { 'content-type': 'application/json' },
  });
}

describe.each(STORE_CASES)('enrollment code exchange ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  let clockOffsetMs = 0;

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({
      port: 0,
      ...setup.options,
      adminToken: ADMIN_TOKEN,
      rateLimit: LENIENT_RATE_LIMITS,
      now: () => new Date(Date.now() + clockOffsetMs),
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  function admin(path: string) {
    return request(collector.url, `/api/v1/admin${path}`, { token: ADMIN_TOKEN });
  }

  it('exchanges a code exactly once: a second use gets 410 "used", the first device keeps working', async () => {
    const helpPointId = uniqueHelpPoint('once');
    const { link } = await collector.enroll({ helpPointId, kioskUrl: KIOSK_URL });
    const first = await exchangeLink(link);
    expect(first.status).toBe(200);
    const enrollment = enrollmentOf(await first.json());
    const second = await exchangeLink(link);
    expect(second.status).toBe(410);
    expect(await second.json()).toMatchObject({
      error: { code: ERROR_CODES.enrollmentCodeUsed, message: expect.stringMatching(/used/) },
    });
    const posted = await postEvents(collector.url, enrollment.token, {
      events: [makeEvent(enrollment)],
    });
    expect(posted.status).toBe(200);
    const report = (await admin('/report')).body as { helpPoints: { helpPointId: string }[] };
    expect(report.helpPoints.find((h) => h.helpPointId === helpPointId)).toMatchObject({
      devices: 1,
    });
  });

  it('makes one device however many exchanges of one code race', async () => {
    const helpPointId = uniqueHelpPoint('race');
    const { link } = await collector.enroll({ helpPointId, kioskUrl: KIOSK_URL });
    const answers = await Promise.all(Array.from({ length: 6 }, () => exchangeLink(link)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 410, 410, 410, 410, 410]);
  });

  it('answers 410 "expired" after 24 hours, 404 for an unknown code and 400 for no code', async () => {
    const { link } = await collector.enroll({
      helpPointId: uniqueHelpPoint(),
      kioskUrl: KIOSK_URL,
    });
    clockOffsetMs = 24 * HOUR_MS + 1000;
    try {
      const expired = await exchangeLink(link);
      expect(expired.status).toBe(410);
      expect(await expired.json()).toMatchObject({
        error: {
          code: ERROR_CODES.enrollmentCodeExpired,
          message: expect.stringMatching(/expired/),
        },
      });
    } finally {
      clockOffsetMs = 0;
    }
    // Still unused: an expired code is not spent by the refusal, but it stays expired.
    const unknown = await exchangeAt(collector.url, 'A'.repeat(43));
    expect(unknown).toMatchObject({
      status: 404,
      body: { error: { code: ERROR_CODES.enrollmentCodeUnknown } },
    });
    for (const body of [
      '{}',
      '{"code":"short"}',
      '{"code":"' + 'A'.repeat(43) + '","x":1}',
      '[]',
    ]) {
      const answer = await request(collector.url, ENROLL_PATH, {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(answer.status).toBe(400);
    }
  });
});
