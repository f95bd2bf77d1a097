// Enrollment (admin endpoint and CLI), revocation and the report, against both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  ENROLL_FRAGMENT,
  ERROR_CODES,
  decodeEnrollment,
  type Enrollment,
} from '../../src/protocol/sync-api';
import { buildApp } from '../../server/src/app';
import { runCli } from '../../server/src/cli';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import {
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  makeEvent,
  postEvents,
  questionData,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const ADMIN_TOKEN = 'enrollment-test-admin-token';
const KIOSK_URL = 'http://127.0.0.1:4173';

function decodeLink(link: string, kioskUrl = KIOSK_URL): Enrollment {
  const prefix = `${kioskUrl}/#${ENROLL_FRAGMENT}`;
  expect(link.startsWith(prefix)).toBe(true);
  const enrollment = decodeEnrollment(link.slice(prefix.length));
  if (!enrollment) throw new Error(`not an enrollment link: ${link}`);
  return enrollment;
}

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
    collector = await startCollector({ port: 0, ...setup.options, adminToken: ADMIN_TOKEN });
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

  it('enrolls through the CLI: the printed link carries a token that authenticates', async () => {
    expect(cli.err).toBe('');
    expect(cli.code).toBe(0);
    const link = /^http\S+$/m.exec(cli.out)?.[0] ?? '';
    const enrollment = decodeLink(link);
    expect(enrollment).toMatchObject({
      collectorUrl: 'https://collector.example',
      helpPointId: cliHelpPoint,
      role: 'staff',
    });
    expect(cli.out).toContain('▄'); // the terminal QR code
    const answer = await postEvents(collector.url, enrollment.token, {
      events: [makeEvent(cliHelpPoint, 'question')],
    });
    expect(answer.status).toBe(200);
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

  it('enrolls through the admin endpoint, with a QR code, and the token authenticates', async () => {
    const helpPointId = uniqueHelpPoint('api');
    const answer = await admin('/enrollments', {
      helpPointId,
      helpPointName: 'Kalmar stadsbibliotek',
      kioskUrl: 'https://kiosk.example/hjalppunkt/',
    });
    expect(answer.status).toBe(201);
    const body = answer.body as { enrollment: Enrollment; link: string; qrSvg: string };
    const enrollment = decodeLink(body.link, 'https://kiosk.example/hjalppunkt');
    expect(enrollment).toEqual(body.enrollment);
    expect(enrollment).toMatchObject({ helpPointId, role: 'kiosk', collectorUrl: collector.url });
    expect(enrollment.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.qrSvg).toMatch(/^<svg/);
    const posted = await postEvents(collector.url, enrollment.token, {
      events: [makeEvent(helpPointId)],
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
    const { enrollment } = await collector.enroll({ helpPointId, kioskUrl: KIOSK_URL });
    const revoked = await admin(`/devices/${enrollment.deviceId}/revoke`);
    expect(revoked).toMatchObject({ status: 200, body: { deviceId: enrollment.deviceId } });
    const again = await admin(`/devices/${enrollment.deviceId}/revoke`);
    expect(again.body).toEqual(revoked.body); // revoking twice keeps the first time
    const answer = await postEvents(collector.url, enrollment.token, {
      events: [makeEvent(helpPointId)],
    });
    expect(answer.status).toBe(403);
  });

  it('reports events per type and questions per topic for each help point', async () => {
    const helpPointId = uniqueHelpPoint('report');
    const { enrollment } = await collector.enroll({
      helpPointId,
      helpPointName: 'Report test',
      kioskUrl: KIOSK_URL,
      role: 'staff',
    });
    const corrected = uuidv7();
    const withdrawn = uuidv7();
    const question = (topics: string[], count: number, recordId?: string, minutesAgo = 0) =>
      makeEvent(helpPointId, 'question', {
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
      makeEvent(helpPointId, 'question-withdrawn', { data: { recordId: withdrawn } }),
      makeEvent(helpPointId, 'visit'),
      makeEvent(helpPointId, 'visit'),
      makeEvent(helpPointId, 'feedback'),
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
