// Help requests over real loopback HTTP, against PGlite and PostgreSQL alike: creating,
// retrying, reading, accepting and closing, expiry and retention. The collector's clock is
// moved (its `now` option) to age requests; everything else runs as in production.
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  HELP_REQUEST_TTL_MS,
  MAX_OPEN_REQUESTS_PER_DEVICE,
} from '../../src/protocol/help-requests';
import { ERROR_CODES } from '../../src/protocol/sync-api';
import { newRequest, requestOf, requestsOf, useCollector } from './help-request-support';
import { STORE_CASES, uniqueHelpPoint } from './support';

const HOUR_MS = 60 * 60_000;

describe.each(STORE_CASES)('help requests ($name)', (storeCase) => {
  const collector = useCollector(storeCase);
  const { ask, list, act, at } = collector;

  it('creates a request (201) and answers a retry with the stored request (200), once', async () => {
    const { helpPointId, kiosk, staff } = await collector.helpPoint();
    const body = newRequest();
    const first = await ask(kiosk.token, body);
    expect(first.status).toBe(201);
    const stored = requestOf(first);
    expect(stored).toMatchObject({
      ...body,
      helpPointId,
      deviceId: kiosk.deviceId,
      status: 'open',
    });
    expect(stored.updatedAt).toBe(stored.createdAt);
    expect(Math.abs(Date.parse(stored.createdAt) - Date.now())).toBeLessThan(60_000);

    const retry = await ask(kiosk.token, body);
    expect(retry.status).toBe(200);
    expect(requestOf(retry)).toEqual(stored);
    // The id decides: a retry with other fields neither creates nor changes anything.
    const changed = await ask(kiosk.token, { ...body, language: 'sv', errandId: null });
    expect(changed.status).toBe(200);
    expect(requestOf(changed)).toEqual(stored);
    expect(requestsOf(await list(staff.token))).toEqual([stored]);
  });

  it('answers 409 for an id another device used, without showing or changing it', async () => {
    const { helpPointId, kiosk, staff } = await collector.helpPoint();
    const body = newRequest();
    const stored = requestOf(await ask(kiosk.token, body));
    const sameHelpPoint = await collector.enroll(helpPointId, 'kiosk');
    const elsewhere = await collector.enroll(uniqueHelpPoint('other'), 'kiosk');
    for (const token of [sameHelpPoint.token, elsewhere.token, staff.token]) {
      const answer = await ask(token, { ...body, language: 'fi' });
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ error: { code: ERROR_CODES.conflict } });
      expect(JSON.stringify(answer.body)).not.toContain(kiosk.deviceId);
    }
    expect(requestsOf(await list(staff.token))).toEqual([stored]);
  });

  it('lets only staff devices read, accept and close; kiosks get 403', async () => {
    const { kiosk, staff } = await collector.helpPoint();
    const first = requestOf(await ask(kiosk.token, newRequest()));
    // Any enrolled device may ask, a staff tablet too.
    const second = requestOf(await ask(staff.token, newRequest({ errandId: null })));
    const denied = [
      await list(kiosk.token),
      await act(kiosk.token, first.id, 'accept'),
      await act(kiosk.token, first.id, 'close'),
      await collector.tally(kiosk.token, 'from=x'),
    ];
    for (const answer of denied) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({
        error: { code: ERROR_CODES.forbidden, message: expect.stringMatching(/staff devices/) },
      });
    }
    const answer = await list(staff.token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    // Oldest first, and the kiosk's attempts changed nothing.
    expect(requestsOf(answer)).toEqual([first, second]);
  });

  it('keeps help points apart: another help point neither sees nor acts on a request', async () => {
    const { kiosk, staff } = await collector.helpPoint();
    const stored = requestOf(await ask(kiosk.token, newRequest()));
    const other = await collector.helpPoint();
    const theirs = requestOf(await ask(other.kiosk.token, newRequest()));
    expect(requestsOf(await list(other.staff.token))).toEqual([theirs]);
    for (const action of ['accept', 'close']) {
      const answer = await act(other.staff.token, stored.id, action);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({
        error: { code: ERROR_CODES.notFound, message: 'No such help request at this help point.' },
      });
    }
    // Indistinguishable from ids that do not exist at all.
    expect((await act(staff.token, uuidv7(), 'accept')).body).toEqual(
      (await act(other.staff.token, stored.id, 'accept')).body,
    );
    expect((await act(staff.token, 'not-a-uuid', 'close')).status).toBe(404);
    expect((await act(staff.token, stored.id, 'reopen')).status).toBe(404);
    expect(requestsOf(await list(staff.token))).toEqual([stored]);
  });

  it('accepts, then closes; a closed request leaves the list and stays closed', async () => {
    const { kiosk, staff } = await collector.helpPoint();
    const stored = requestOf(await at(-60_000, () => ask(kiosk.token, newRequest())));
    const accepted = await act(staff.token, stored.id, 'accept');
    expect(accepted.status).toBe(200);
    const afterAccept = requestOf(accepted);
    expect(afterAccept).toEqual({ ...stored, status: 'accepted', updatedAt: expect.any(String) });
    expect(Date.parse(afterAccept.updatedAt)).toBeGreaterThan(Date.parse(stored.updatedAt));
    expect(requestsOf(await list(staff.token))).toEqual([afterAccept]);
    // Two tablets accepting at once: the second changes nothing.
    expect(requestOf(await act(staff.token, stored.id, 'accept'))).toEqual(afterAccept);

    const closed = requestOf(await act(staff.token, stored.id, 'close'));
    expect(closed).toMatchObject({ id: stored.id, status: 'closed' });
    expect(requestsOf(await list(staff.token))).toEqual([]);
    // Closed is final: neither accepting nor the kiosk retrying its POST opens it again.
    const reaccepted = await act(staff.token, stored.id, 'accept');
    expect(reaccepted.status).toBe(200);
    expect(requestOf(reaccepted)).toEqual(closed);
    const { id, language, errandId } = stored;
    const retried = await ask(kiosk.token, { id, language, errandId });
    expect(retried.status).toBe(200);
    expect(requestOf(retried)).toEqual(closed);
    expect(requestOf(await act(staff.token, stored.id, 'close'))).toEqual(closed);
    expect(requestsOf(await list(staff.token))).toEqual([]);
  });

  it('drops requests older than the TTL from the list and from the open limit', async () => {
    const { helpPointId, kiosk, staff } = await collector.helpPoint();
    const expired = await at(-HELP_REQUEST_TTL_MS - 60_000, async () => {
      const made = [];
      for (let i = 0; i < MAX_OPEN_REQUESTS_PER_DEVICE; i += 1) {
        made.push(requestOf(await ask(kiosk.token, newRequest())));
      }
      return made;
    });
    expect(expired).toHaveLength(MAX_OPEN_REQUESTS_PER_DEVICE);
    // Another kiosk's, two minutes younger (at that time, this kiosk was at its limit).
    const otherKiosk = await collector.enroll(helpPointId, 'kiosk');
    const live = requestOf(
      await at(-HELP_REQUEST_TTL_MS + 60_000, () => ask(otherKiosk.token, newRequest())),
    );
    expect(requestsOf(await list(staff.token))).toEqual([live]);
    // The expired three no longer count as open: the kiosk may ask again.
    const fresh = await ask(kiosk.token, newRequest());
    expect(fresh.status).toBe(201);
    expect(requestsOf(await list(staff.token))).toEqual([live, requestOf(fresh)]);
    // Expired is not deleted: a late retry is still answered as a retry.
    const [oldest] = expired;
    if (!oldest) throw new Error('no expired request');
    const late = await ask(kiosk.token, { ...newRequest(), id: oldest.id });
    expect(late.status).toBe(200);
    expect(requestOf(late)).toEqual(oldest);
  });

  it('deletes requests older than 24 hours whenever a new one is made', async () => {
    const { kiosk, staff } = await collector.helpPoint();
    const day = requestOf(await at(-24 * HOUR_MS - 60_000, () => ask(kiosk.token, newRequest())));
    const almostDay = requestOf(
      await at(-24 * HOUR_MS + 60_000, () => ask(kiosk.token, newRequest())),
    );
    // Both still stored: a staff tablet can still close them…
    expect((await act(staff.token, day.id, 'close')).status).toBe(200);
    expect((await act(staff.token, almostDay.id, 'close')).status).toBe(200);
    // …until the next request, from any device of any help point, sweeps the older one away.
    const other = await collector.helpPoint();
    expect((await ask(other.kiosk.token, newRequest())).status).toBe(201);
    const gone = await act(staff.token, day.id, 'close');
    expect(gone.status).toBe(404);
    expect(requestOf(await act(staff.token, almostDay.id, 'close'))).toMatchObject({
      id: almostDay.id,
      status: 'closed',
    });
    // A retry of the deleted id is a new request, since nothing of it is left.
    expect((await ask(kiosk.token, { ...newRequest(), id: day.id })).status).toBe(201);
  });
});
