// The device's half of enrollment: the one-time code exchange's answers, and the binding of
// events queued before enrollment to the enrolled device id (Dexie on fake-indexeddb).
import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { createLocalData, type LocalData } from '../../src/db/local-data';
import {
  ENROLL_PATH,
  ERROR_CODES,
  encodeEnrollmentLink,
  type Enrollment,
  type EnrollmentLink,
} from '../../src/protocol/sync-api';
import { exchangeCode } from '../../src/sync/enrollment-exchange';
import { takeEnrollmentFromUrl } from '../../src/sync/enrollment-link';
import { TEST_HELP_POINT, visitEvent } from '../support/events';

const LINK: EnrollmentLink = { collectorUrl: 'https://collector.example', code: 'C'.repeat(43) };
const ENROLLMENT: Enrollment = {
  collectorUrl: 'https://collector.example',
  helpPointId: TEST_HELP_POINT,
  deviceId: uuidv7(),
  token: 'T'.repeat(43),
  role: 'kiosk',
};

function answering(status: number, body: unknown): typeof fetch & { calls: Request[] } {
  const calls: Request[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(new Request(input, init));
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return Object.assign(fake, { calls }) as typeof fetch & { calls: Request[] };
}

const error = (code: string) => ({ error: { code, message: 'x' } });

describe('exchangeCode', () => {
  it('posts the code once to the link’s collector and keeps the link’s collector URL', async () => {
    const fetchImpl = answering(200, {
      enrollment: { ...ENROLLMENT, collectorUrl: 'https://elsewhere.example' },
    });
    const outcome = await exchangeCode(LINK, fetchImpl);
    expect(outcome).toEqual({ kind: 'enrolled', enrollment: ENROLLMENT });
    expect(fetchImpl.calls).toHaveLength(1);
    const [call] = fetchImpl.calls;
    expect(call?.url).toBe(`https://collector.example${ENROLL_PATH}`);
    expect(call?.method).toBe('POST');
    expect(await call?.json()).toEqual({ code: LINK.code });
  });

  it('tells a used link from an expired one, and refuses an unknown code', async () => {
    expect(await exchangeCode(LINK, answering(410, error(ERROR_CODES.enrollmentCodeUsed)))).toEqual(
      { kind: 'used' },
    );
    expect(
      await exchangeCode(LINK, answering(410, error(ERROR_CODES.enrollmentCodeExpired))),
    ).toEqual({ kind: 'expired' });
    expect(
      await exchangeCode(LINK, answering(404, error(ERROR_CODES.enrollmentCodeUnknown))),
    ).toEqual({ kind: 'refused' });
    // An answer that is not an enrollment is not one.
    expect(await exchangeCode(LINK, answering(200, { enrollment: { token: 'x' } }))).toEqual({
      kind: 'refused',
    });
  });

  it('keeps the code for later when the collector cannot be reached or asks to wait', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await exchangeCode(LINK, offline)).toEqual({ kind: 'unreachable' });
    expect(await exchangeCode(LINK, answering(503, error('internal-error')))).toEqual({
      kind: 'unreachable',
    });
    expect(await exchangeCode(LINK, answering(429, error('rate-limited')))).toEqual({
      kind: 'unreachable',
    });
  });
});

describe('enrollment links', () => {
  const take = (hash: string) => {
    const replaced: string[] = [];
    const result = takeEnrollmentFromUrl(
      { hash, pathname: '/', search: '' },
      { replaceState: (_data, _unused, url) => replaced.push(String(url)) },
    );
    return { result, replaced };
  };

  it('reads the code and removes it from the address', () => {
    const { result, replaced } = take(`#enroll=${encodeEnrollmentLink(LINK)}`);
    expect(result).toEqual({ status: 'link', link: LINK });
    expect(replaced).toEqual(['/']);
  });

  it('refuses a link to a collector in clear text across the network', () => {
    const plain = encodeEnrollmentLink({ ...LINK, collectorUrl: 'http://collector.example' });
    expect(take(`#enroll=${plain}`).result).toEqual({ status: 'invalid' });
    const local = encodeEnrollmentLink({ ...LINK, collectorUrl: 'http://127.0.0.1:8787' });
    expect(take(`#enroll=${local}`).result.status).toBe('link');
  });
});

describe('binding queued events to the enrolled device', () => {
  const opened: LocalData[] = [];
  afterEach(() => opened.splice(0).forEach((data) => data.close()));

  it('rewrites the device id of every queued event when the device enrolls, losing none', async () => {
    const data = createLocalData({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'bind' });
    opened.push(data);
    const localId = await data.getDeviceId();
    const identity = { deviceId: localId, helpPointId: TEST_HELP_POINT };
    const base = visitEvent().data;
    const delivered = await data.recordLog('visit', base as never, identity);
    await data.outbox.settle([delivered.id], [], Date.now());
    for (let i = 0; i < 3; i += 1) await data.recordLog('visit', base as never, identity);
    expect(await data.outbox.count()).toBe(3);

    await data.outbox.writeEnrollment(ENROLLMENT);
    const queued = await data.outbox.peek(10);
    expect(queued).toHaveLength(3);
    expect(queued.every((event) => event.deviceId === ENROLLMENT.deviceId)).toBe(true);
    // The delivered visit has left the device (visitor logs go once acknowledged); the queued
    // ones kept in the log table carry the enrolled id too.
    const logs = await data.listLogs('visit');
    expect(logs.find((event) => event.id === delivered.id)).toBeUndefined();
    expect(logs.filter((event) => event.deviceId === localId)).toEqual([]);

    // A log that lands with the old id afterwards is bound by a second pass.
    await data.recordLog('visit', base as never, identity);
    expect(await data.outbox.bindQueuedEvents(ENROLLMENT.deviceId)).toBe(1);
    expect((await data.outbox.peek(10)).map((event) => event.deviceId)).toEqual(
      Array(4).fill(ENROLLMENT.deviceId),
    );
  });

  it('keeps a link opened offline until it is exchanged, then forgets it', async () => {
    const data = createLocalData({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'pending' });
    opened.push(data);
    expect(await data.outbox.readPendingEnrollment()).toBeNull();
    await data.outbox.writePendingEnrollment(LINK);
    expect(await data.outbox.readPendingEnrollment()).toEqual(LINK);
    await data.outbox.writeEnrollment(ENROLLMENT);
    expect(await data.outbox.readPendingEnrollment()).toBeNull();
    await data.outbox.writePendingEnrollment(LINK);
    await data.outbox.writePendingEnrollment(null);
    expect(await data.outbox.readPendingEnrollment()).toBeNull();
  });
});
