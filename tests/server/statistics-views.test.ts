/**
 * Every view's numbers equal the counts worked out by hand (tests/server/statistics-reference.ts)
 * on a generated data set with corrections, withdrawals, batch records, replays and both
 * daylight-saving change days, on PGlite and on PostgreSQL; and a small data set whose
 * expected figures are written out literally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { VIEW_IDS, type ViewId } from '../../src/protocol/dashboard';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { openStore } from '../../server/src/store/open-store';
import type { StatsScope } from '../../server/src/dashboard/statistics/statistics-store';
import { makeEvent, questionData, SETUP_TIMEOUT_MS, STORE_CASES, uniqueHelpPoint } from './support';
import { generateDataSet } from './statistics-data';
import { expectedRows, referenceContributions, type Contribution } from './statistics-reference';

const SCOPES: Omit<StatsScope, 'helpPointIds'>[] = [
  { fromDay: '2026-01-01', toDay: '2026-12-31' },
  { fromDay: '2026-03-29', toDay: '2026-03-29' },
  { fromDay: '2026-10-25', toDay: '2026-10-25' },
  { fromDay: '2026-03-28', toDay: '2026-03-30' },
  { fromDay: '2026-10-24', toDay: '2026-10-26' },
  // Whole months read from the monthly rollup, the ends day by day.
  { fromDay: '2026-03-29', toDay: '2026-06-02' },
  { fromDay: '2026-05-01', toDay: '2026-05-31' },
  { fromDay: '2026-05-02', toDay: '2026-10-25' },
  { fromDay: '2026-01-01', toDay: '2026-12-31', channel: 'drop-in' },
  { fromDay: '2026-01-01', toDay: '2026-12-31', channel: 'kiosk' },
  { fromDay: '2026-01-01', toDay: '2026-12-31', language: 'ar' },
  { fromDay: '2026-03-01', toDay: '2026-10-31', channel: 'phone', language: 'uk' },
];

function actualRows(rows: { key: string; value: number }[]): Map<string, number> {
  return new Map(rows.map((row) => [row.key, row.value]));
}

describe.each(STORE_CASES)('statistics views on $name', (storeCase) => {
  let store: CollectorStore;
  let teardown: () => Promise<void>;
  const hpA = uniqueHelpPoint('stat');
  const hpB = uniqueHelpPoint('stat');
  const set = generateDataSet(1309, [hpA, hpB]);
  let reference: Contribution[];

  beforeAll(async () => {
    const setup = await storeCase.setup();
    teardown = setup.teardown;
    store = await openStore(setup.options);
    for (const hp of set.helpPoints)
      for (const device of hp.devices)
        await store.devices.create({ ...device, helpPointId: hp.id, tokenHash: uuidv7() });
    for (const delivery of set.deliveries)
      await store.events.insert(delivery.events, delivery.receivedAt, delivery.fromDevice);
    reference = referenceContributions(set);
  }, SETUP_TIMEOUT_MS * 3);

  afterAll(async () => {
    await store?.close();
    await teardown?.();
  });

  it('the data set has what the rules are about', () => {
    const events = set.deliveries.flatMap((d) => d.events);
    const types = new Set(events.map((e) => e.type));
    expect([...types].sort()).toEqual(
      [
        'course-session',
        'errand-viewed',
        'feedback',
        'heartbeat',
        'lesson',
        'question',
        'question-withdrawn',
        'tech-tried',
        'visit',
      ].sort(),
    );
    const records = events
      .filter((e) => e.type === 'question')
      .map((e) => (e.data as { recordId: string }).recordId);
    expect(records.length - new Set(records).size).toBeGreaterThan(10); // corrections
    expect(
      events.some((e) => e.type === 'question' && (e.data as { count: number }).count > 1),
    ).toBe(true);
    const days = new Set(reference.map((c) => c.day));
    expect(days.has('2026-03-29') && days.has('2026-10-25')).toBe(true);
  });

  for (const view of VIEW_IDS.filter((v) => v !== 'help-requests')) {
    it(`${view}: every row equals the hand count, for every scope`, async () => {
      for (const helpPointIds of [[hpA], [hpB], [hpA, hpB]]) {
        for (const partial of SCOPES) {
          const scope = { ...partial, helpPointIds };
          const data = await store.statistics.view(view as ViewId, scope);
          const expected = expectedRows(reference, view, scope);
          expect(actualRows(data.rows), `${view} ${JSON.stringify(scope)}`).toEqual(expected);
          // Not vacuous: the whole year always has rows for every view.
          if (partial === SCOPES[0]) expect(expected.size).toBeGreaterThan(2);
        }
      }
    });
  }

  it('the agency cells equal the hand count', async () => {
    const scope = { helpPointIds: [hpA, hpB], fromDay: '2026-01-01', toDay: '2026-12-31' };
    const counts = await store.statistics.agencyCounts(scope, 'skatteverket', null);
    const expected = expectedRows(reference, 'agency', scope);
    expect(counts.total).toBe(expected.get('total:skatteverket|*') ?? 0);
    for (const [code, n] of Object.entries(counts.obstacle))
      expect(n).toBe(expected.get(`obstacle:skatteverket|*|${code}`));
    expect(Object.values(counts.month).reduce((a, b) => a + b, 0)).toBe(counts.total);
  });

  it('the Digidel rows are the records as they stand: one per counted record', async () => {
    const scope = { helpPointIds: [hpA, hpB], fromDay: '2026-01-01', toDay: '2026-12-31' };
    const records = await store.statistics.questionRecords(scope);
    const expected = expectedRows(reference, 'questions', scope);
    expect(records.length).toBe(expected.get('records:'));
    expect(records.reduce((sum, r) => sum + r.data.count, 0)).toBe(expected.get('visitors:'));
  });
});

describe.each(STORE_CASES)('statistics written out by hand on $name', (storeCase) => {
  let store: CollectorStore;
  let teardown: () => Promise<void>;
  const hp = uniqueHelpPoint('hand');
  const staff = uuidv7();
  const other = uuidv7();
  const scope = (fromDay: string, toDay = fromDay) => ({ helpPointIds: [hp], fromDay, toDay });
  const question = (helpedAt: string, topics: string[], count: number, recordId = uuidv7()) => {
    const data = { ...(questionData(topics, count, recordId) as object), helpedAt };
    return makeEvent({ helpPointId: hp, deviceId: staff }, 'question', { data });
  };

  beforeAll(async () => {
    const setup = await storeCase.setup();
    teardown = setup.teardown;
    store = await openStore(setup.options);
    await store.devices.create({ id: staff, helpPointId: hp, role: 'staff', tokenHash: uuidv7() });
    await store.devices.create({ id: other, helpPointId: hp, role: 'staff', tokenHash: uuidv7() });
    const r3 = uuidv7();
    const r5 = uuidv7();
    const events = [
      question('2026-03-28T22:59Z', ['printing-copying-scanning'], 1), // 28 March
      question('2026-03-28T23:00Z', ['printing-copying-scanning', 'login-passwords'], 3), // 29 March 00:00
      question('2026-03-29T21:59Z', ['printing-copying-scanning'], 1, r3), // 29 March 23:59, corrected below
      question('2026-03-29T22:00Z', ['email-messaging'], 1), // 30 March
      question('2026-03-29T10:00Z', ['email-messaging'], 5, r5), // withdrawn below
      question('2026-10-24T21:59Z', ['e-legitimation'], 1), // 24 October
      question('2026-10-24T22:00Z', ['e-legitimation'], 1), // 25 October 00:00
      question('2026-10-25T00:30Z', ['e-legitimation'], 2), // 02:30 CEST
      question('2026-10-25T01:30Z', ['e-legitimation'], 1), // 02:30 CET
      question('2026-10-25T22:59Z', ['e-legitimation'], 1), // 25 October 23:59
      question('2026-10-25T23:00Z', ['e-legitimation'], 1), // 26 October
    ];
    await store.events.insert(events, new Date('2026-11-01T10:00Z'), staff);
    const correction = question('2026-03-29T21:59Z', ['email-messaging'], 2, r3);
    const withdrawal = makeEvent({ helpPointId: hp, deviceId: staff }, 'question-withdrawn', {
      data: { recordId: r5 },
    });
    // Another device cannot correct r3 back.
    const foreign = makeEvent({ helpPointId: hp, deviceId: other }, 'question', {
      data: { ...(questionData(['other'], 9, r3) as object), helpedAt: '2026-03-29T12:00Z' },
      occurredAt: '2026-12-01T00:00:00.000Z',
    });
    await store.events.insert([correction, withdrawal], new Date('2026-11-01T10:01Z'), staff);
    await store.events.insert([foreign], new Date('2026-11-01T10:02Z'), other);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await store?.close();
    await teardown?.();
  });

  it('files each question under its Stockholm day, both change days included', async () => {
    const totals: Record<string, number> = {};
    for (const day of [
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
    ])
      totals[day] = (await store.statistics.view('questions', scope(day))).total;
    expect(totals).toEqual({
      '2026-03-28': 1,
      '2026-03-29': 5, // 3 (batch) + 2 (the correction of r3); r5 withdrawn
      '2026-03-30': 1,
      '2026-10-24': 1,
      '2026-10-25': 5, // 00:00, 02:30 CEST (2), 02:30 CET, 23:59
      '2026-10-26': 1,
    });
  });

  it('counts topics per visitor, the latest version only', async () => {
    const rows = (await store.statistics.view('questions', scope('2026-03-29'))).rows;
    const topic = (code: string) => rows.find((r) => r.key === `topic:${code}`)?.value;
    expect(topic('printing-copying-scanning')).toBe(3);
    expect(topic('login-passwords')).toBe(3);
    expect(topic('email-messaging')).toBe(2);
    expect(topic('other')).toBeUndefined();
    expect(rows.find((r) => r.key === 'records:')?.value).toBe(2);
  });

  it('puts both 02:30s of 25 October in the 02 hour of a Sunday', async () => {
    const rows = (await store.statistics.view('busy-hours', scope('2026-10-25'))).rows;
    expect(rows.find((r) => r.key === 'questions:7-02')?.value).toBe(3);
    expect(rows.find((r) => r.key === 'questions:7-00')?.value).toBe(1);
    expect(rows.find((r) => r.key === 'questions:7-23')?.value).toBe(1);
  });
});
