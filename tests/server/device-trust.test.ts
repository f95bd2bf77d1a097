// One device per token, and corrections only by the device that made the record: over real
// loopback HTTP, against PGlite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { eventBatchResponseSchema } from '../../src/protocol/sync-api';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { enrollOverHttp } from '../support/enroll';
import {
  LENIENT_RATE_LIMITS,
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  makeEvent,
  postEvents,
  questionData,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const ADMIN_TOKEN = 'device-trust-test-admin-token-0123456789';
const KIOSK_URL = 'http://127.0.0.1:4173';

function resultsOf(body: unknown) {
  return eventBatchResponseSchema.parse(body).results;
}

describe.each(STORE_CASES)('one device per token ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  const enroll = (helpPointId: string, role: 'kiosk' | 'staff' = 'kiosk') =>
    enrollOverHttp(collector, { helpPointId, kioskUrl: KIOSK_URL, role });
  const admin = (path: string, method = 'POST') =>
    request(collector.url, `/api/v1/admin${path}`, { method, token: ADMIN_TOKEN });

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

  it("stores only the delivering device's own events: every other device id is foreign-device", async () => {
    const helpPointId = uniqueHelpPoint('own');
    const kiosk = await enroll(helpPointId);
    const otherKiosk = await enroll(helpPointId);
    const staff = await enroll(helpPointId, 'staff');
    const revoked = await enroll(helpPointId);
    expect((await admin(`/devices/${revoked.deviceId}/revoke`)).status).toBe(200);
    const elsewhere = await enroll(uniqueHelpPoint('elsewhere'));

    const own = makeEvent(kiosk, 'visit');
    const foreign = {
      'another kiosk': makeEvent(kiosk, 'visit', { deviceId: otherKiosk.deviceId }),
      'a staff tablet': makeEvent(kiosk, 'question', { deviceId: staff.deviceId }),
      'a revoked device': makeEvent(kiosk, 'visit', { deviceId: revoked.deviceId }),
      'a device at another help point': makeEvent(kiosk, 'visit', {
        deviceId: elsewhere.deviceId,
      }),
      'no device at all': makeEvent(kiosk, 'visit', { deviceId: uuidv7() }),
    };
    const answer = await postEvents(collector.url, kiosk.token, {
      events: [own, ...Object.values(foreign)],
    });
    expect(answer.status).toBe(200);
    const results = resultsOf(answer.body);
    expect(results[0]).toEqual({ index: 0, id: own.id, status: 'accepted' });
    Object.keys(foreign).forEach((name, offset) => {
      expect(results[offset + 1], name).toMatchObject({
        status: 'rejected',
        reason: expect.stringMatching(/^foreign-device: /),
      });
    });
    expect(await collector.countEvents({ helpPointId })).toBe(1);
    // A staff tablet may not deliver the kiosk's events either.
    const relayed = await postEvents(collector.url, staff.token, {
      events: [makeEvent(kiosk, 'visit')],
    });
    expect(resultsOf(relayed.body)[0]?.reason).toMatch(/^foreign-device/);
    expect(await collector.countEvents({ helpPointId })).toBe(1);
  });

  it("refuses a kiosk's withdrawal or correction of a staff tablet's record: it stays in the report", async () => {
    const helpPointId = uniqueHelpPoint('records');
    const staff = await enroll(helpPointId, 'staff');
    const kiosk = await enroll(helpPointId);
    const recordId = uuidv7();
    const record = makeEvent(staff, 'question', {
      data: questionData(['e-legitimation'], 3, recordId),
    });
    expect((await postEvents(collector.url, staff.token, { events: [record] })).status).toBe(200);

    const withdrawal = makeEvent(kiosk, 'question-withdrawn', { data: { recordId } });
    const correction = makeEvent(kiosk, 'question', {
      data: questionData(['other'], 1, recordId),
      occurredAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const answer = await postEvents(collector.url, kiosk.token, {
      events: [withdrawal, correction],
    });
    expect(resultsOf(answer.body).map((r) => [r.status, r.reason?.split(':')[0]])).toEqual([
      ['rejected', 'not-own-record'],
      ['rejected', 'not-own-record'],
    ]);
    // Another staff tablet of the same help point is another device too.
    const otherStaff = await enroll(helpPointId, 'staff');
    const theirs = makeEvent(otherStaff, 'question-withdrawn', { data: { recordId } });
    const refused = await postEvents(collector.url, otherStaff.token, { events: [theirs] });
    expect(resultsOf(refused.body)[0]?.reason).toMatch(/^not-own-record/);

    const report = async () =>
      (
        (await admin('/report', 'GET')).body as {
          helpPoints: { helpPointId: string; questions: number; questionsByTopic: object }[];
        }
      ).helpPoints.find((h) => h.helpPointId === helpPointId);
    expect(await report()).toMatchObject({
      questions: 3,
      questionsByTopic: { 'e-legitimation': 3 },
    });

    // The device that made it may correct it and then withdraw it.
    const ownCorrection = makeEvent(staff, 'question', {
      data: questionData(['own-device'], 2, recordId),
      occurredAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const corrected = await postEvents(collector.url, staff.token, { events: [ownCorrection] });
    expect(resultsOf(corrected.body)[0]?.status).toBe('accepted');
    expect(await report()).toMatchObject({ questions: 2, questionsByTopic: { 'own-device': 2 } });
    const ownWithdrawal = makeEvent(staff, 'question-withdrawn', { data: { recordId } });
    const withdrawn = await postEvents(collector.url, staff.token, { events: [ownWithdrawal] });
    expect(resultsOf(withdrawn.body)[0]?.status).toBe('accepted');
    expect(await report()).toMatchObject({ questions: 0 });
  });

  it('refuses the withdrawal of a record no device made at this help point', async () => {
    const kiosk = await enroll(uniqueHelpPoint('nothing'));
    const answer = await postEvents(collector.url, kiosk.token, {
      events: [makeEvent(kiosk, 'question-withdrawn', { data: { recordId: uuidv7() } })],
    });
    expect(resultsOf(answer.body)[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/^not-own-record/),
    });
  });
});
