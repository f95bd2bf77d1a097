// Enrollment (one-time codes from the admin endpoint and the CLI), revocation and the report,
// against both stores. The exchange's rules: enrollment-exchange.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  ENROLL_PATH,
  ERROR_CODES,
  enrollResponseSchema,
  type Enrollment,
} from '../../src/protocol/sync-api';
import { buildApp } from '../../server/src/app';
import { runCli } from '../../server/src/cli';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { exchangeLink, readEnrollmentLink } from '../support/enroll';
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

const ADMIN_TOKEN = 'enrollment-test-admin-token-with-32-characters';
const KIOSK_URL = 'http://127.0.0.1:4173';
const HOUR_MS = 60 * 60_000;

function cliEnv(options: StoreSetup['options']): Record<string, string | undefined> {
  return options.databaseUrl
    ? { DATABASE_URL: options.databaseUrl, COLLECTOR_PUBLIC_URL: 'https://collector.example' }
    : { COLLECTOR_DATA_DIR: options.dataDir, COLLECTOR_PUBLIC_URL: 'https://collector.example' };
}

async function enrollWithCli(argv: string[], env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { env, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Exchanges a code at `collectorUrl` (the link's own collector may be a made-up https one). */
async function exchangeAt(collectorUrl: string, code: string) {
  return request(collectorUrl, ENROLL_PATH, {
    body: JSON.stringify({ code }),
    headers: { 'content-type': 'application/json' },
  });
}

function enrollmentOf(body: unknown): Enrollment {
  return enrollResponseSchema.parse(body).enrollment;
}

describe.each(STORE_CASES)('enrollment and report ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  const cliHelpPoint = uniqueHelpPoint('cli');
  let cli: Awaited<ReturnType<typeof enrollWithCli>>;

  beforeAll(async () => {
    // A data directory, not memory: the CLI must write where the server will read.
    setup = await storeCase.setup(true);
    cli = await enrollWithCli(
      [
        'enroll',
        '--help-point',
        cliHelpPoint,
        '--name',
        'Mjölby bibliotek',
        '--kiosk-url',
        `${KIOSK_URL}/`,
        '--role',
        'staff',
      ],
      cliEnv(setup.options),
    );
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

  function admin(path: string, body?: unknown, token = ADMIN_TOKEN) {
    return request(collector.url, `/api/v1/admin${path}`, {
      method: body === undefined && path === '/report' ? 'GET' : 'POST',
      token,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
    });
  }

  it('enrolls through the CLI: the printed link holds a one-time code, never a token', async () => {
    expect(cli.err).toBe('');
    expect(cli.code).toBe(0);
    const link = /^http\S+$/m.exec(cli.out)?.[0] ?? '';
    expect(link.startsWith(`${KIOSK_URL}/#enroll=`)).toBe(true);
    const { collectorUrl, code } = readEnrollmentLink(link);
    expect(collectorUrl).toBe('https://collector.example');
    expect(cli.out).toContain('▄'); // the terminal QR code
    expect(cli.out).toMatch(/Valid until \S+, for one device only/);
    // The code becomes a token only when the device exchanges it.
    const answer = await exchangeAt(collector.url, code);
    expect(answer.status).toBe(200);
    const enrollment = enrollmentOf(answer.body);
    expect(enrollment).toMatchObject({
      collectorUrl: 'https://collector.example',
      helpPointId: cliHelpPoint,
      role: 'staff',
    });
    expect(cli.out).not.toContain(enrollment.token);
    const posted = await postEvents(collector.url, enrollment.token, {
      events: [makeEvent(enrollment, 'question')],
    });
    expect(posted.status).toBe(200);
    expect(await collector.countEvents({ helpPointId: cliHelpPoint })).toBe(1);
  });

  it('refuses CLI arguments it does not understand', async () => {
    const env = cliEnv(setup.options);
    expect((await enrollWithCli(['enroll', '--help-point', 'x'], env)).code).toBe(2);
    expect((await enrollWithCli(['enroll', '--bogus'], env)).code).toBe(2);
    expect((await enrollWithCli(['frobnicate'], env)).code).toBe(2);
    const badId = await enrollWithCli(
      ['enroll', '--help-point', 'Not A Code', '--kiosk-url', KIOSK_URL],
      env,
    );
    expect(badId).toMatchObject({ code: 2, err: expect.stringMatching(/helpPointId/) });
    const plainHttp = await enrollWithCli(
      ['enroll', '--help-point', 'x', '--kiosk-url', KIOSK_URL],
      { ...env, COLLECTOR_PUBLIC_URL: 'http://collector.example' },
    );
    expect(plainHttp).toMatchObject({ code: 2, err: expect.stringMatching(/collectorUrl.*https/) });
    for (const hours of ['0', '169', '1.5', 'x']) {
      const bad = await enrollWithCli(
        ['enroll', '--help-point', 'x', '--kiosk-url', KIOSK_URL, '--valid-hours', hours],
        env,
      );
      expect(bad).toMatchObject({ code: 2, err: expect.stringMatching(/--valid-hours/) });
    }
  });

  if (storeCase.name === 'pglite') {
    it('keeps the CLI out of a data directory the running collector holds', async () => {
      await expect(
        enrollWithCli(
          ['enroll', '--help-point', 'x', '--kiosk-url', KIOSK_URL],
          cliEnv(setup.options),
        ),
      ).rejects.toThrow(/in use by process/);
    });
  }

  it('makes a code through the admin endpoint, with a QR code, and no token', async () => {
    const helpPointId = uniqueHelpPoint('api');
    const answer = await admin('/enrollments', {
      helpPointId,
      helpPointName: 'Kalmar stadsbibliotek',
      kioskUrl: 'https://kiosk.example/hjalppunkt/',
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const body = answer.body as { link: string; qrSvg: string; expiresAt: string };
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'helpPointId', 'link', 'qrSvg', 'role']);
    expect(body.link.startsWith('https://kiosk.example/hjalppunkt/#enroll=')).toBe(true);
    expect(body.qrSvg).toMatch(/^<svg/);
    // Valid for 24 hours by default.
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(24 * HOUR_MS - 60_000);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(24 * HOUR_MS);
    const { collectorUrl } = readEnrollmentLink(body.link);
    expect(collectorUrl).toBe(collector.url);
    const exchanged = await exchangeLink(body.link);
    expect(exchanged.status).toBe(200);
    expect(exchanged.headers.get('cache-control')).toBe('no-store');
    const enrollment = enrollmentOf(await exchanged.json());
    expect(enrollment).toMatchObject({ helpPointId, role: 'kiosk', collectorUrl: collector.url });
    expect(enrollment.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const posted = await postEvents(collector.url, enrollment.token, {
      events: [makeEvent(enrollment)],
    });
    expect(posted.status).toBe(200);
  });

  it('guards the admin endpoints with the admin token and validates their input', async () => {
    const valid = { helpPointId: uniqueHelpPoint(), kioskUrl: KIOSK_URL };
    expect((await admin('/enrollments', valid, 'wrong-token')).status).toBe(401);
    expect((await admin('/report', undefined, 'wrong-token')).status).toBe(401);
    for (const body of [
      [],
      { ...valid, helpPointId: 'Ä' },
      { ...valid, kioskUrl: 'javascript:alert(1)' },
      { ...valid, role: 'root' },
      { ...valid, extra: true },
      // Display texts hide nothing: no bidi override, no control character.
      { ...valid, helpPointName: 'Stadsbibliotek\u202Ekeb' },
      { ...valid, helpPointName: 'Stads\u0007bibliotek' },
      // HTTPS only, except loopback.
      { ...valid, collectorUrl: 'http://collector.example' },
      { ...valid, collectorUrl: 'http://10.0.0.5:8787' },
    ]) {
      const answer = await admin('/enrollments', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: ERROR_CODES.malformed } });
    }
    expect((await admin(`/devices/${uuidv7()}/revoke`)).status).toBe(404);
    expect((await admin('/devices/not-a-uuid/revoke')).status).toBe(404);
  });

  it('revokes a device: its token then gets 403', async () => {
    const helpPointId = uniqueHelpPoint();
    const { link } = await collector.enroll({ helpPointId, kioskUrl: KIOSK_URL });
    const enrollment = enrollmentOf(await (await exchangeLink(link)).json());
    const revoked = await admin(`/devices/${enrollment.deviceId}/revoke`);
    expect(revoked).toMatchObject({ status: 200, body: { deviceId: enrollment.deviceId } });
    const again = await admin(`/devices/${enrollment.deviceId}/revoke`);
    expect(again.body).toEqual(revoked.body); // revoking twice keeps the first time
    const answer = await postEvents(collector.url, enrollment.token, {
      events: [makeEvent(enrollment)],
    });
    expect(answer.status).toBe(403);
  });

  it('reports events per type and questions per topic for each help point', async () => {
    const helpPointId = uniqueHelpPoint('report');
    const { link } = await collector.enroll({
      helpPointId,
      helpPointName: 'Report test',
      kioskUrl: KIOSK_URL,
      role: 'staff',
    });
    const enrollment = enrollmentOf(await (await exchangeLink(link)).json());
    const corrected = uuidv7();
    const withdrawn = uuidv7();
    const question = (topics: string[], count: number, recordId?: string, minutesAgo = 0) =>
      makeEvent(enrollment, 'question', {
        data: questionData(topics, count, recordId),
        occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      });
    const events = [
      question(['printing-copying-scanning'], 6),
      question(['e-legitimation', 'public-authority-errand'], 1),
      question(['e-legitimation'], 2),
      // A record entered, then corrected: only the later version counts.
      question(['job-seeking'], 5, corrected, 10),
      question(['email-messaging'], 3, corrected, 0),
      // A record withdrawn after delivery: not counted at all.
      question(['healthcare-1177'], 4, withdrawn, 5),
      makeEvent(enrollment, 'question-withdrawn', { data: { recordId: withdrawn } }),
      makeEvent(enrollment, 'visit'),
      makeEvent(enrollment, 'visit'),
      makeEvent(enrollment, 'feedback'),
    ];
    expect((await postEvents(collector.url, enrollment.token, { events })).status).toBe(200);

    const answer = await admin('/report');
    expect(answer.status).toBe(200);
    const report = (answer.body as { helpPoints: { helpPointId: string }[] }).helpPoints.find(
      (h) => h.helpPointId === helpPointId,
    );
    expect(report).toEqual({
      helpPointId,
      name: 'Report test',
      devices: 1,
      eventsByType: { question: 6, 'question-withdrawn': 1, visit: 2, feedback: 1 },
      questions: 12,
      questionsByTopic: {
        'printing-copying-scanning': 6,
        'e-legitimation': 3,
        'public-authority-errand': 1,
        'email-messaging': 3,
      },
    });
  });
});

describe('admin routes without an admin token', () => {
  it('answer 404, as if they did not exist', async () => {
    const store = { description: 'unused' } as CollectorStore;
    const app = buildApp({ store, rateLimit: false, bodyLimitBytes: 1024, logger: false });
    for (const [method, url] of [
      ['POST', '/api/v1/admin/enrollments'],
      ['GET', '/api/v1/admin/report'],
      ['POST', `/api/v1/admin/devices/${uuidv7()}/revoke`],
    ] as const) {
      const answer = await app.inject({ method, url, headers: { authorization: 'Bearer x' } });
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ error: { code: ERROR_CODES.notFound } });
    }
    await app.close();
  });
});
