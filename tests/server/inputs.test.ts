// Issue 12, sections 1 and 2 at the collector: every time and code it refuses, with its reason
// and nothing stored, query bounds, and local codes through the localCodes seam. Both stores.
import { enrollOverHttp } from '../support/enroll';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { HELP_REQUESTS_PATH, TALLY_PATH } from '../../src/protocol/help-requests';
import { ERROR_CODES, errorResponseSchema } from '../../src/protocol/sync-api';
import type { LogEvent } from '../../src/protocol/events';
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
import { HOSTILE, VALID } from './input-cases';

const ADMIN_TOKEN = 'inputs-test-admin-token-0123456789abcdef';
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(STORE_CASES)('inputs the collector refuses ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  let helpPointId: string;
  let kiosk: string;
  /** The kiosk's own device id: events under any other are refused as foreign-device. */
  let source: { helpPointId: string; deviceId: string };
  let staff: string;

  beforeAll(async () => {
    setup = await storeCase.setup();
    helpPointId = uniqueHelpPoint('inputs');
    collector = await startCollector({
      port: 0,
      ...setup.options,
      rateLimit: false,
      adminToken: ADMIN_TOKEN,
      localCodes: async (id) =>
        id === helpPointId
          ? { errands: ['our-local-errand'], lessons: ['our-local-lesson'] }
          : { errands: ['other-local-errand'], lessons: [] },
    });
    const enroll = (role: 'kiosk' | 'staff') =>
      enrollOverHttp(collector, { helpPointId, role, kioskUrl: 'http://127.0.0.1:4173' });
    const kioskEnrollment = await enroll('kiosk');
    kiosk = kioskEnrollment.token;
    source = { helpPointId, deviceId: kioskEnrollment.deviceId };
    staff = (await enroll('staff')).token;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  it.each(HOSTILE)('rejects $name per event as $reason, and stores the rest', async (hostile) => {
    const good = makeEvent(source, hostile.type);
    const bad = structuredClone(makeEvent(source, hostile.type)) as LogEvent &
      Record<string, unknown>;
    hostile.change(bad, bad.data as Record<string, unknown>);
    const before = await collector.listEventIds();
    const answer = await postEvents(collector.url, kiosk, { events: [bad, good] });
    expect(answer.status).toBe(200);
    const [badResult, goodResult] = (answer.body as { results: Record<string, unknown>[] }).results;
    expect(badResult).toMatchObject({ index: 0, id: bad.id, status: 'rejected' });
    expect(String(badResult?.reason)).toMatch(new RegExp(`^${hostile.reason}: `));
    // The reason names the rule, never the submitted value.
    expect(String(badResult?.reason)).not.toMatch(/anna|1912|9999-99|13-45/);
    expect(goodResult).toMatchObject({ index: 1, status: 'accepted' });
    expect(await collector.listEventIds()).toEqual([...before, good.id].sort());
  });

  it.each(VALID)('stores $name', async ({ type, data }) => {
    const event = makeEvent(source, type, data === undefined ? {} : { data });
    const answer = await postEvents(collector.url, kiosk, { events: [event] });
    expect(answer.body).toMatchObject({ results: [{ status: 'accepted' }] });
  });

  it('accepts a 9-digit fraction and stores the instant cut to milliseconds', async () => {
    const event = makeEvent(source, 'feedback', {
      occurredAt: '2026-11-20T09:15:00.123456789Z',
    });
    const answer = await postEvents(collector.url, kiosk, { events: [event] });
    expect(answer.body).toMatchObject({ results: [{ status: 'accepted' }] });
  });

  it('still answers every tally and the report with 200 after all of that', async () => {
    const now = Date.now();
    const day = `from=${iso(now - 24 * HOUR)}&to=${iso(now)}&utcOffsetMinutes=60`;
    expect((await request(collector.url, `${TALLY_PATH}?${day}`, { token: staff })).status).toBe(
      200,
    );
    const report = await request(collector.url, '/api/v1/admin/report', { token: ADMIN_TOKEN });
    expect(report.status).toBe(200);
  });

  it.each([
    ['from in year 0000', 'from=0000-01-01T00:00:00Z&to=0000-01-02T00:00:00Z', /from: not a valid/],
    ['from in year 0001', 'from=0001-01-01T00:00:00Z&to=0001-01-02T00:00:00Z', /from: must lie/],
    [
      'from and to in year 9999',
      'from=9999-12-30T00:00:00Z&to=9999-12-31T00:00:00Z',
      /from: must lie/,
    ],
    ['from in 1999', 'from=1999-12-31T00:00:00Z&to=2000-01-01T00:00:00Z', /from: must lie/],
    [
      'a 200-digit fraction',
      `from=2026-11-20T00:00:00.${'1'.repeat(200)}Z&to=2026-11-21T00:00:00Z`,
      /from: not a valid/,
    ],
    ['a month 13', 'from=2026-13-01T00:00:00Z&to=2026-13-02T00:00:00Z', /from: not a valid/],
    [
      'an offset of +25:00',
      'from=2026-11-20T00:00:00%2B25:00&to=2026-11-21T00:00:00Z',
      /from: not a valid/,
    ],
  ])('answers a tally with %s with 400', async (_name, window, problem) => {
    const answer = await request(collector.url, `${TALLY_PATH}?${window}&utcOffsetMinutes=0`, {
      token: staff,
    });
    expect(answer.status).toBe(400);
    expect(errorResponseSchema.parse(answer.body).error.message).toMatch(problem);
  });

  it('answers a report with query parameters with 400, and without them with 200', async () => {
    const withQuery = await request(
      collector.url,
      '/api/v1/admin/report?from=0000-01-01T00:00:00Z',
      { token: ADMIN_TOKEN },
    );
    expect(withQuery.status).toBe(400);
    expect(errorResponseSchema.parse(withQuery.body).error.code).toBe(ERROR_CODES.malformed);
  });

  it.each([
    ['anna-andersson', 400],
    ['1912-12-12-1212', 400],
    ['other-local-errand', 400],
    ['deklarera', 201],
    ['our-local-errand', 201],
    [null, 201],
  ])('answers a help request for errand %s with %i', async (errandId, status) => {
    const answer = await request(collector.url, HELP_REQUESTS_PATH, {
      token: staff,
      body: JSON.stringify({ id: uuidv7(), language: 'sv', errandId }),
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(status);
    if (status === 400) {
      expect(errorResponseSchema.parse(answer.body).error.message).toMatch(/^errandId: not an/);
    }
  });
});
