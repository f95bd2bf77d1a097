/**
 * help_request_stats keeps what the help-requests view needs after the requests themselves
 * are deleted (24 h): how fast staff answered and how each ended, under its Stockholm day.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { openStore } from '../../server/src/store/open-store';
import { SETUP_TIMEOUT_MS, STORE_CASES, uniqueHelpPoint } from './support';

describe.each(STORE_CASES)('help request statistics on $name', (storeCase) => {
  let store: CollectorStore;
  let teardown: () => Promise<void>;
  const hp = uniqueHelpPoint('req');
  const kiosk = uuidv7();
  const scope = (fromDay: string, extra: object = {}) => ({
    helpPointIds: [hp],
    fromDay,
    toDay: fromDay,
    ...extra,
  });
  const values = async (day: string, extra: object = {}) => {
    const data = await store.statistics.view('help-requests', scope(day, extra));
    return { total: data.total, rows: Object.fromEntries(data.rows.map((r) => [r.key, r.value])) };
  };

  beforeAll(async () => {
    const setup = await storeCase.setup();
    teardown = setup.teardown;
    store = await openStore(setup.options);
    await store.devices.create({ id: kiosk, helpPointId: hp, role: 'kiosk', tokenHash: uuidv7() });
    const ask = async (at: string, language: 'sv' | 'uk') => {
      const id = uuidv7();
      const now = new Date(at);
      await store.helpRequests.create(
        { id, helpPointId: hp, deviceId: kiosk, language, errandId: null },
        { now, openSince: now, maxOpen: 100, deleteBefore: new Date(0) },
      );
      return id;
    };
    const set = (id: string, status: 'accepted' | 'closed', at: string) =>
      store.helpRequests.updateStatus(id, hp, status, new Date(at));
    const r1 = await ask('2026-03-29T08:00:00Z', 'sv');
    await set(r1, 'accepted', '2026-03-29T08:00:45Z');
    await set(r1, 'closed', '2026-03-29T08:10:00Z');
    const r2 = await ask('2026-03-29T21:59:30Z', 'sv'); // 23:59 in Stockholm
    await set(r2, 'accepted', '2026-03-29T22:02:50Z');
    await ask('2026-03-29T22:00:10Z', 'sv'); // 30 March, never answered
    const r4 = await ask('2026-10-25T00:30:00Z', 'uk');
    await set(r4, 'closed', '2026-10-25T00:46:40Z');
    // The requests go after 24 h; their statistics stay.
    await store.helpRequests.deleteCreatedBefore(new Date('2026-12-01T00:00:00Z'));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await store?.close();
    await teardown?.();
  });

  it('counts answer times and endings under the Stockholm day, after the requests are gone', async () => {
    expect(await values('2026-03-29')).toEqual({
      total: 2,
      rows: {
        'requests:': 2,
        'outcome:accepted': 1,
        'outcome:closed': 1,
        'answered-within:under-1-min': 1,
        'answered-within:1-5-min': 1,
        'median-seconds:': 45,
      },
    });
    expect(await values('2026-03-30')).toEqual({
      total: 1,
      rows: { 'requests:': 1, 'outcome:expired': 1, 'answered-within:not-answered': 1 },
    });
  });

  it('filters by language, and has nothing in channels other than the kiosk', async () => {
    expect(
      (await values('2026-10-25', { language: 'uk' })).rows['answered-within:over-15-min'],
    ).toBe(1);
    expect((await values('2026-10-25', { language: 'sv' })).total).toBe(0);
    expect((await values('2026-10-25', { channel: 'phone' })).total).toBe(0);
    expect((await values('2026-10-25', { channel: 'kiosk' })).total).toBe(1);
  });
});
