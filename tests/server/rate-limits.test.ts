// Rate limits on failed authentication (per address, on every route) and per device, the
// admin token's length, security headers and what the request log sees: over real loopback
// HTTP, against PGlite and PostgreSQL alike.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type Enrollment } from '../../src/protocol/sync-api';
import { buildApp } from '../../server/src/app';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { enrollOverHttp, exchangeLink } from '../support/enroll';
import {
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  makeEvent,
  postEvents,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const ADMIN_TOKEN = 'rate-limits-test-admin-token-0123456789';
const KIOSK_URL = 'http://127.0.0.1:4173';

describe.each(STORE_CASES)('rate limits ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  let enrollment: Enrollment;

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({
      port: 0,
      ...setup.options,
      adminToken: ADMIN_TOKEN,
      rateLimit: {
        device: { max: 8, timeWindowMs: 60_000 },
        address: { max: 12, timeWindowMs: 60_000 },
      },
    });
    // The exchange is unauthenticated: it uses 1 of the address's 12.
    enrollment = await enrollOverHttp(collector, {
      helpPointId: uniqueHelpPoint('limits'),
      kioskUrl: KIOSK_URL,
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  it('limits failed authentication per address on every route, admin included: 429, Retry-After, JSON', async () => {
    const wrongDevice = 'W'.repeat(43);
    const attempts = [
      () => postEvents(collector.url, wrongDevice, { events: [] }),
      () => postEvents(collector.url, undefined, { events: [] }),
      () => request(collector.url, '/api/v1/admin/report', { token: 'wrong-admin-token' }),
      () => request(collector.url, '/api/v1/help-requests', { token: wrongDevice }),
      () => request(collector.url, '/api/v1/health'),
      () => request(collector.url, '/api/v1/no-such-route'),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const attempt = attempts[i % 6];
      if (attempt) statuses.push((await attempt()).status);
    }
    expect(statuses).not.toContain(429);
    for (const attempt of attempts) {
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(limited.headers.get('access-control-allow-origin')).toBe('*');
      expect(limited.body).toEqual({
        error: { code: ERROR_CODES.rateLimited, message: expect.stringMatching(/retry after/) },
      });
    }
    const exchange = await request(collector.url, '/api/v1/enroll', {
      body: JSON.stringify({ code: 'A'.repeat(43) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(exchange.status).toBe(429);

    // The enrolled device and the admin are not held back by their address's failures.
    const posted = await postEvents(collector.url, enrollment.token, {
      events: [makeEvent(enrollment)],
    });
    expect(posted.status).toBe(200);
    const report = await request(collector.url, '/api/v1/admin/report', { token: ADMIN_TOKEN });
    expect(report.status).toBe(200);
  });

  it('keeps a per-device limit for authenticated devices', async () => {
    const statuses: number[] = [];
    // One request of the device was used in the test above.
    for (let i = 0; i < 8; i += 1) {
      statuses.push((await postEvents(collector.url, enrollment.token, '{"events":[]}')).status);
    }
    expect(statuses.slice(0, 7).every((status) => status === 400)).toBe(true);
    expect(statuses[7]).toBe(429);
    const limited = await postEvents(collector.url, enrollment.token, {
      events: [makeEvent(enrollment)],
    });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      error: { code: ERROR_CODES.rateLimited, message: expect.stringMatching(/this device/) },
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After, ETag, Date');
  });
});

describe('admin token, security headers and the request log', () => {
  it('refuses to start with an admin token shorter than 32 characters, saying why', async () => {
    await expect(
      startCollector({ dataDir: 'memory://', adminToken: 'x'.repeat(31) }),
    ).rejects.toThrow(/at least 32 characters/);
    // Likewise an enrollment code lifetime outside 1 minute to 7 days.
    await expect(
      startCollector({ dataDir: 'memory://', enrollmentCodeTtlMs: 8 * 24 * 60 * 60_000 }),
    ).rejects.toThrow(/between 1 minute and 7 days/);
    const store = { description: 'unused' } as CollectorStore;
    expect(() =>
      buildApp({
        store,
        adminToken: 'short',
        rateLimit: false,
        bodyLimitBytes: 1024,
        logger: false,
      }),
    ).toThrow(/COLLECTOR_ADMIN_TOKEN\) must be at least 32 characters/);
  });

  it(
    'sends helmet security headers, and never logs a token, a code or the admin token',
    async () => {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      });
      const collector = await startCollector({
        dataDir: 'memory://',
        adminToken: ADMIN_TOKEN,
        logger: { stream: { write: (line) => stream.write(line) } },
      });
      try {
        const made = await request(collector.url, '/api/v1/admin/enrollments', {
          token: ADMIN_TOKEN,
          body: JSON.stringify({ helpPointId: 'logged', kioskUrl: KIOSK_URL }),
          headers: { 'content-type': 'application/json' },
        });
        expect(made.status).toBe(201);
        const { link } = made.body as { link: string };
        const answer = await exchangeLink(link);
        const enrollment = (await answer.json()) as { enrollment: Enrollment };
        const posted = await postEvents(collector.url, enrollment.enrollment.token, {
          events: [makeEvent(enrollment.enrollment)],
        });
        expect(posted.status).toBe(200);
        expect(posted.headers.get('x-content-type-options')).toBe('nosniff');
        expect(posted.headers.get('strict-transport-security')).toMatch(/max-age=/);
        expect(posted.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        const code = link.split('#enroll=')[1] ?? '';
        const log = lines.join('');
        expect(log).toContain('/api/v1/enroll'); // the log is on…
        for (const secret of [ADMIN_TOKEN, enrollment.enrollment.token, code]) {
          expect(log).not.toContain(secret); // …and holds none of them
        }
      } finally {
        await collector.close();
      }
    },
    SETUP_TIMEOUT_MS,
  );
});
