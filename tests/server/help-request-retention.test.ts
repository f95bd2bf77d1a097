// Help requests are deleted 24 hours after they were made by the collector's own timer, also
// when no new request arrives. The collector's clock is injected and moved forward.
import { enrollOverHttp } from '../support/enroll';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_REQUESTS_PATH } from '../../src/protocol/help-requests';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { newRequest, requestOf } from './help-request-support';
import {
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const HOUR_MS = 60 * 60_000;
const JSON_TYPE = { 'content-type': 'application/json' };

describe.each(STORE_CASES)('help request retention by timer ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  let clockOffsetMs = 0;

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({
      ...setup.options,
      now: () => new Date(Date.now() + clockOffsetMs),
      helpRequestSweepMs: 50,
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  it('deletes a request once it is 24 hours old, with no new request to trigger it', async () => {
    const helpPointId = uniqueHelpPoint('sweep');
    const kioskUrl = 'http://127.0.0.1:4173';
    const kiosk = await enrollOverHttp(collector, { helpPointId, kioskUrl, role: 'kiosk' });
    const staff = await enrollOverHttp(collector, { helpPointId, kioskUrl, role: 'staff' });
    const made = await request(collector.url, HELP_REQUESTS_PATH, {
      token: kiosk.token,
      body: JSON.stringify(newRequest()),
      headers: JSON_TYPE,
    });
    expect(made.status).toBe(201);
    const { id } = requestOf(made);
    const accept = () =>
      request(collector.url, `${HELP_REQUESTS_PATH}/${id}/accept`, {
        method: 'POST',
        token: staff.token,
      });

    // 23 hours on, the timer leaves it: staff can still act on it.
    clockOffsetMs = 23 * HOUR_MS;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await accept()).status).toBe(200);

    // Past 24 hours, the timer deletes it without any new request arriving.
    clockOffsetMs = 24 * HOUR_MS + 60_000;
    await expect.poll(async () => (await accept()).status, { timeout: 5_000 }).toBe(404);
  });
});
