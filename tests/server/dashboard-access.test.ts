// The dashboard's accounts and sessions over real loopback HTTP, on PGlite and PostgreSQL:
// the cookie's flags, one answer for every failed login, CSRF on changes, idle and absolute
// expiry, logout, and the admin's account management.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/protocol/sync-api';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import {
  KIOSK_URL,
  TEST_PASSWORD,
  call,
  helpPointIn,
  login,
  sessionCookie,
  uniqueEmail,
} from './dashboard-support';
import {
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const MINUTE = 60_000;

describe.each(STORE_CASES)('dashboard accounts and sessions ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  let adminEmail: string;
  let ownHelpPoint: string;
  let otherHelpPoint: string;

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({
      port: 0,
      ...setup.options,
      rateLimit: false,
      now: () => new Date(clock),
      dashboard: { loginLimits: false },
    });
    ownHelpPoint = await helpPointIn(collector, '0880', 'kalmar');
    otherHelpPoint = await helpPointIn(collector, '1280', 'malmo');
    adminEmail = uniqueEmail('admin');
    await collector.addAccount({
      email: adminEmail,
      role: 'admin',
      municipalityCode: '0880',
      password: TEST_PASSWORD,
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  it('logs in with an HttpOnly, Secure, SameSite=Strict cookie under /admin and a CSRF token', async () => {
    const answer = await request(collector.url, '/admin/api/login', {
      body: JSON.stringify({ email: adminEmail.toUpperCase(), password: TEST_PASSWORD }),
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(200);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^hp_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\/admin(;|$)/);
    const body = answer.body as { account: Record<string, unknown>; csrfToken: string };
    expect(body.account).toEqual({
      id: expect.any(String),
      email: adminEmail,
      role: 'admin',
      municipalityCode: '0880',
      helpPointIds: [],
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(answer.body)).not.toMatch(/argon|password/i);
  });

  it('answers an unknown email and a wrong password alike: 401, same body, no cookie', async () => {
    const attempt = (email: string, password: string) =>
      request(collector.url, '/admin/api/login', {
        body: JSON.stringify({ email, password }),
        headers: { 'content-type': 'application/json' },
      });
    const wrongPassword = await attempt(adminEmail, 'not the password at all');
    const unknownEmail = await attempt('nobody@kommun.example', TEST_PASSWORD);
    for (const answer of [wrongPassword, unknownEmail]) {
      expect(answer.status).toBe(401);
      expect(sessionCookie(answer)).toBeNull();
    }
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect((await attempt(adminEmail, 42 as unknown as string)).status).toBe(400);
  });

  it('/me gives the account, its CSRF token, its municipality and only its help points', async () => {
    const session = await login(collector.url, adminEmail);
    const me = await call(collector.url, '/admin/api/me', session);
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    const body = me.body as {
      csrfToken: string;
      municipality: unknown;
      helpPoints: { id: string }[];
    };
    expect(body.csrfToken).toBe(session.csrfToken);
    expect(body.municipality).toEqual({ code: '0880', name: 'Kalmar' });
    const ids = body.helpPoints.map((helpPoint) => helpPoint.id);
    expect(ids).toContain(ownHelpPoint);
    expect(ids).not.toContain(otherHelpPoint);
    expect((await call(collector.url, '/admin/api/me', null)).status).toBe(401);
    const forged = { cookie: `hp_session=${'A'.repeat(43)}`, csrfToken: '' };
    expect((await call(collector.url, '/admin/api/me', forged)).status).toBe(401);
  });

  it('refuses every change without the session CSRF token (403), and takes it with one', async () => {
    const session = await login(collector.url, adminEmail);
    const body = { email: uniqueEmail('viewer'), role: 'viewer', password: TEST_PASSWORD };
    const missing = await call(collector.url, '/admin/api/accounts', session, {
      body,
      csrf: false,
    });
    expect(missing.status).toBe(403);
    expect((missing.body as { error: { code: string } }).error.code).toBe(ERROR_CODES.forbidden);
    const other = await login(collector.url, adminEmail);
    const wrong = await call(collector.url, '/admin/api/accounts', session, {
      body,
      csrf: other.csrfToken,
    });
    expect(wrong.status).toBe(403);
    const logoutWithout = await call(collector.url, '/admin/api/logout', session, {
      method: 'POST',
      csrf: false,
    });
    expect(logoutWithout.status).toBe(403);
    expect((await call(collector.url, '/admin/api/accounts', session, { body })).status).toBe(201);
  });

  it('ends a session after 30 minutes unused and 12 hours after login, however busy', async () => {
    const idle = await login(collector.url, adminEmail);
    clock += 29 * MINUTE;
    expect((await call(collector.url, '/admin/api/me', idle)).status).toBe(200);
    clock += 29 * MINUTE; // 58 minutes since login, 29 since last use: still alive
    expect((await call(collector.url, '/admin/api/me', idle)).status).toBe(200);
    clock += 31 * MINUTE;
    expect((await call(collector.url, '/admin/api/me', idle)).status).toBe(401);
    clock += 1 * MINUTE;
    expect((await call(collector.url, '/admin/api/me', idle)).status).toBe(401);

    const busy = await login(collector.url, adminEmail);
    for (let hour = 0; hour < 12 * 3; hour += 1) {
      clock += 20 * MINUTE;
      const answer = await call(collector.url, '/admin/api/me', busy);
      expect(answer.status).toBe(hour < 12 * 3 - 1 ? 200 : 401);
    }
  });

  it('logs out: 204, the cookie cleared, and the old cookie opens nothing afterwards', async () => {
    const session = await login(collector.url, adminEmail);
    const out = await call(collector.url, '/admin/api/logout', session, { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^hp_session=;/);
    expect((await call(collector.url, '/admin/api/me', session)).status).toBe(401);
  });

  it("lets the admin manage its municipality's accounts, checked like the CLI", async () => {
    const admin = await login(collector.url, adminEmail);
    const create = (body: unknown) => call(collector.url, '/admin/api/accounts', admin, { body });
    const managerEmail = uniqueEmail('manager');
    const made = await create({
      email: managerEmail,
      role: 'manager',
      helpPointIds: [ownHelpPoint],
      password: TEST_PASSWORD,
    });
    expect(made.status).toBe(201);
    const manager = (made.body as { account: { id: string; helpPointIds: string[] } }).account;
    expect(manager.helpPointIds).toEqual([ownHelpPoint]);
    expect(
      (await create({ email: managerEmail, role: 'viewer', password: TEST_PASSWORD })).status,
    ).toBe(409);
    expect(
      (await create({ email: uniqueEmail('v'), role: 'viewer', password: 'short' })).status,
    ).toBe(400);
    expect(
      (await create({ email: 'not-an-email', role: 'viewer', password: TEST_PASSWORD })).status,
    ).toBe(400);
    expect(
      (await create({ email: uniqueEmail('v'), role: 'owner', password: TEST_PASSWORD })).status,
    ).toBe(400);
    const foreign = await create({
      email: uniqueEmail('m'),
      role: 'manager',
      helpPointIds: [otherHelpPoint],
      password: TEST_PASSWORD,
    });
    expect(foreign.status).toBe(400);
    const list = await call(collector.url, '/admin/api/accounts', admin);
    const emails = (list.body as { accounts: { email: string }[] }).accounts.map((a) => a.email);
    expect(emails).toContain(managerEmail);
    expect(JSON.stringify(list.body)).not.toMatch(/argon|password/i);

    // The manager can log in, sees only their help point, and is gone once deleted.
    const managerSession = await login(collector.url, managerEmail);
    const me = await call(collector.url, '/admin/api/me', managerSession);
    expect((me.body as { helpPoints: { id: string }[] }).helpPoints.map((h) => h.id)).toEqual([
      ownHelpPoint,
    ]);
    const adminId = (await call(collector.url, '/admin/api/me', admin).then((a) => a.body)) as {
      account: { id: string };
    };
    expect(
      (
        await call(collector.url, `/admin/api/accounts/${adminId.account.id}`, admin, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(409);
    const removed = await call(collector.url, `/admin/api/accounts/${manager.id}`, admin, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect((await call(collector.url, '/admin/api/me', managerSession)).status).toBe(401);
    expect(
      (await call(collector.url, '/admin/api/accounts/not-a-uuid', admin, { method: 'DELETE' }))
        .status,
    ).toBe(404);
  });

  it("npm start's demo admin: the demo help point's municipality, a new password each start", async () => {
    const demoPoint = await helpPointIn(collector, '1280', 'demo');
    const first = await collector.resetDemoAdmin(demoPoint);
    const second = await collector.resetDemoAdmin(demoPoint);
    expect(second.password).not.toBe(first.password);
    expect(second.password.length).toBeGreaterThanOrEqual(12);
    const attempt = (password: string) =>
      request(collector.url, '/admin/api/login', {
        body: JSON.stringify({ email: second.email, password }),
        headers: { 'content-type': 'application/json' },
      });
    expect((await attempt(first.password)).status).toBe(401);
    const session = await login(collector.url, second.email, second.password);
    const me = await call(collector.url, '/admin/api/me', session);
    expect(me.body).toMatchObject({
      account: { role: 'admin', municipalityCode: '0880' },
      municipality: { code: '0880', name: 'Kalmar' },
    });
    const ids = (me.body as { helpPoints: { id: string }[] }).helpPoints.map((h) => h.id);
    expect(ids).toContain(demoPoint);
  });

  it('an enrollment code can place its new help point in a municipality, by SCB code only', async () => {
    const helpPointId = uniqueHelpPoint('enrolled');
    await expect(
      collector.enroll({ helpPointId, municipalityCode: '0808', kioskUrl: KIOSK_URL }),
    ).rejects.toThrow(/municipalityCode/);
    await collector.enroll({ helpPointId, municipalityCode: '0880', kioskUrl: KIOSK_URL });
    const me = await call(collector.url, '/admin/api/me', await login(collector.url, adminEmail));
    const ids = (me.body as { helpPoints: { id: string }[] }).helpPoints.map((h) => h.id);
    expect(ids).toContain(helpPointId);
  });
});
