// The property test of issue 12: thousands of schema-valid events and hostile variants (bad
// and out-of-window times, unknown codes, huge fractions, wrong types, foreign strings, extra
// fields, other help points and devices, versions, withdrawals of records not the kiosk's), posted in batches to a real collector over
// loopback, on PGlite and on PostgreSQL. No answer is a 5xx; every event gets the decision its
// generator expects; every report and tally query still answers 200; and the stored set is
// exactly the accepted set.
import fc from 'fast-check';
import { enrollOverHttp } from '../support/enroll';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TALLY_PATH } from '../../src/protocol/help-requests';
import { REJECTION_REASONS, type EventResult } from '../../src/protocol/sync-api';
import { isRecord } from '../../server/src/untrusted-input';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { DEVICE_PLACEHOLDER, variant, type Variant } from './event-arbitraries';
import {
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  postEvents,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const ADMIN_TOKEN = 'property-test-admin-token-0123456789abcdef';
/** 80 batches of 20–60 events (plus repeats) per store: about 3,000 events each. */
const BATCH_RUNS = 80;
const QUERY_RUNS = 60;

describe.each(STORE_CASES)('property: hostile batches ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  let helpPointId: string;
  let kiosk: string;
  let kioskDeviceId: string;
  let staff: string;
  const accepted = new Set<string>();
  let posted = 0;

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({
      port: 0,
      ...setup.options,
      rateLimit: false,
      adminToken: ADMIN_TOKEN,
    });
    helpPointId = uniqueHelpPoint('prop');
    const enroll = (role: 'kiosk' | 'staff') =>
      enrollOverHttp(collector, { helpPointId, role, kioskUrl: 'http://127.0.0.1:4173' });
    const kioskEnrollment = await enroll('kiosk');
    kiosk = kioskEnrollment.token;
    kioskDeviceId = kioskEnrollment.deviceId;
    staff = (await enroll('staff')).token;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  /** A batch (fast-check would favour tiny ones), sometimes with some of its events repeated. */
  const batch = () =>
    fc
      .array(variant('placeholder'), { minLength: 20, maxLength: 60 })
      .chain((list) =>
        fc
          .subarray(list, { maxLength: Math.min(3, list.length) })
          .map((repeats) => [...list, ...repeats]),
      );

  it('never answers 5xx, decides every event as expected, and stores exactly what it accepted', async () => {
    await fc.assert(
      fc.asyncProperty(batch(), async (generated) => {
        // The help point is only known once the collector runs: swap it in (and out again
        // for events that are meant to name another help point).
        // The same for the device id: the kiosk's own.
        const variants: Variant[] = generated.map((v) => {
          const event: unknown = JSON.parse(
            JSON.stringify(v.event)
              .replaceAll('"placeholder"', JSON.stringify(helpPointId))
              .replaceAll(`"${DEVICE_PLACEHOLDER}"`, JSON.stringify(kioskDeviceId)),
          );
          // A valid withdrawal names a generated record id no device made here: it is not
          // this kiosk's record to withdraw.
          const withdrawal = isRecord(event) && event.type === 'question-withdrawn';
          return withdrawal && v.expect.status === 'accepted'
            ? {
                ...v,
                event,
                expect: { status: 'rejected', reason: REJECTION_REASONS.notOwnRecord },
              }
            : { ...v, event };
        });
        const answer = await postEvents(collector.url, kiosk, {
          events: variants.map((v) => v.event),
        });
        expect(answer.status).toBeLessThan(500);
        expect(answer.status).toBe(200);
        const { results } = answer.body as { results: EventResult[] };
        expect(results).toHaveLength(variants.length);
        const seenInBatch = new Set<string>();
        variants.forEach((v, index) => {
          const result = results[index];
          expect(result?.index).toBe(index);
          if (v.expect.status === 'accepted') {
            const repeated = accepted.has(v.id) || seenInBatch.has(v.id);
            expect(result).toMatchObject({ id: v.id, status: repeated ? 'duplicate' : 'accepted' });
            seenInBatch.add(v.id);
          } else {
            expect(result?.status, JSON.stringify(v.event).slice(0, 300)).toBe('rejected');
            if (v.expect.reason)
              expect(result?.reason).toMatch(new RegExp(`^${v.expect.reason}: `));
          }
        });
        seenInBatch.forEach((id) => accepted.add(id));
        posted += variants.length;
      }),
      // No shrinking: the collector keeps what earlier runs stored, so a shrunk replay would
      // report a false counterexample; the first failing batch is the one to read.
      { numRuns: BATCH_RUNS, endOnFailure: true },
    );
    // Thousands in all, and a good share of them stored (two in five are valid).
    expect(posted).toBeGreaterThanOrEqual(BATCH_RUNS * 20);
    expect(accepted.size).toBeGreaterThan(posted / 5);
    expect(await collector.listEventIds()).toEqual([...accepted].sort());
  }, 120_000);

  it('still answers every report and tally query with 200 afterwards, and never 5xx', async () => {
    const report = await request(collector.url, '/api/v1/admin/report', { token: ADMIN_TOKEN });
    expect(report.status).toBe(200);
    const day = 24 * 3_600_000;
    const start = Date.UTC(2000, 0, 1);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: start, max: Date.now() - day }),
        fc.integer({ min: 1, max: 2 * day }),
        fc.integer({ min: -840, max: 840 }),
        async (from, span, offset) => {
          const query = new URLSearchParams({
            from: new Date(from).toISOString(),
            to: new Date(from + span).toISOString(),
            utcOffsetMinutes: String(offset),
          });
          const answer = await request(collector.url, `${TALLY_PATH}?${query}`, { token: staff });
          expect(answer.status).toBe(200);
        },
      ),
      { numRuns: QUERY_RUNS },
    );
    // And hostile query strings: never a 5xx.
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('from', 'to', 'utcOffsetMinutes', 'x'),
          fc.string({ unit: 'binary', maxLength: 40 }),
        ),
        async (params) => {
          const answer = await request(
            collector.url,
            `${TALLY_PATH}?${new URLSearchParams(params)}`,
            { token: staff },
          );
          expect(answer.status).toBeLessThan(500);
        },
      ),
      { numRuns: QUERY_RUNS },
    );
  }, 120_000);
});
