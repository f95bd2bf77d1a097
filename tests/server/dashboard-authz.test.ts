// Authorization, table-driven: every route registered under /admin/api (found with an onRoute
// hook, so a route nobody wrote a row for fails this test) is tried anonymously, with every
// role of one municipality, and by another municipality's admin, and must give exactly the
// status in its row. Changes are also tried without the CSRF token. On PGlite and PostgreSQL.
// Adding a route to the dashboard API means adding its row(s) to ROUTES below.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { addAccount, setHelpPointMunicipality } from '../../server/src/dashboard/admin-accounts';
import { createEnrollmentCode, exchangeEnrollmentCode } from '../../server/src/enrollment';
import { openStore } from '../../server/src/store/open-store';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { FLEET_ROUTES, STATISTICS_ROUTES } from './dashboard-authz-parts';
import { TEST_PASSWORD, call, login, uniqueEmail, type Session } from './dashboard-support';
import {
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  request,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const PRINCIPALS = ['anonymous', 'viewer', 'manager', 'admin', 'foreignAdmin'] as const;
type Principal = (typeof PRINCIPALS)[number];

/** What a row's request may refer to: made once per store, before the table runs. */
interface World {
  store: CollectorStore;
  /** In municipality 0880: the manager's own help point, and one the manager does not have. */
  helpPoints: { own: string; other: string; foreign: string };
  /** An enrolled kiosk at each help point. */
  devices: { own: string; other: string; foreign: string };
  emails: Record<Exclude<Principal, 'anonymous'>, string>;
  /** A new viewer account in 0880 (for deletions), made per call. */
  newVictim(): Promise<string>;
}

interface Case {
  name: string;
  request(
    world: World,
  ): Promise<{ path: string; body?: unknown }> | { path: string; body?: unknown };
  expect: Record<Principal, number>;
  /** A new session for each try (the request ends the session, as logout does). */
  freshSession?: boolean;
}

const ALL_401 = { anonymous: 401 } as const;

/** "METHOD /admin/api/…" as registered → its cases. */
const ROUTES: Record<string, Case[]> = {
  'POST /admin/api/login': [
    {
      name: 'a wrong password is 401 for anyone, signed in or not',
      request: (world) => ({
        path: '/admin/api/login',
        body: { email: world.emails.admin, password: 'not the right password' },
      }),
      expect: { anonymous: 401, viewer: 401, manager: 401, admin: 401, foreignAdmin: 401 },
    },
  ],
  'POST /admin/api/logout': [
    {
      name: 'ends the session',
      request: () => ({ path: '/admin/api/logout' }),
      expect: { ...ALL_401, viewer: 204, manager: 204, admin: 204, foreignAdmin: 204 },
      freshSession: true,
    },
  ],
  'GET /admin/api/me': [
    {
      name: 'any signed-in account',
      request: () => ({ path: '/admin/api/me' }),
      expect: { ...ALL_401, viewer: 200, manager: 200, admin: 200, foreignAdmin: 200 },
    },
  ],
  'GET /admin/api/accounts': [
    {
      name: "the municipality's accounts: admins only",
      request: () => ({ path: '/admin/api/accounts' }),
      expect: { ...ALL_401, viewer: 403, manager: 403, admin: 200, foreignAdmin: 200 },
    },
  ],
  'POST /admin/api/accounts': [
    {
      name: 'a new viewer in the caller’s own municipality: admins only',
      request: () => ({
        path: '/admin/api/accounts',
        body: { email: uniqueEmail('new'), role: 'viewer', password: TEST_PASSWORD },
      }),
      expect: { ...ALL_401, viewer: 403, manager: 403, admin: 201, foreignAdmin: 201 },
    },
    {
      name: 'a manager of a help point of 0880: another municipality may not name it',
      request: (world) => ({
        path: '/admin/api/accounts',
        body: {
          email: uniqueEmail('mgr'),
          role: 'manager',
          helpPointIds: [world.helpPoints.own],
          password: TEST_PASSWORD,
        },
      }),
      expect: { ...ALL_401, viewer: 403, manager: 403, admin: 201, foreignAdmin: 400 },
    },
  ],
  'DELETE /admin/api/accounts/:id': [
    {
      name: 'an account of 0880: its admin only; for another municipality it does not exist',
      request: async (world) => ({ path: `/admin/api/accounts/${await world.newVictim()}` }),
      expect: { ...ALL_401, viewer: 403, manager: 403, admin: 204, foreignAdmin: 404 },
    },
  ],
  ...STATISTICS_ROUTES,
  ...FLEET_ROUTES,
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe.each(STORE_CASES)('dashboard authorization table ($name)', (storeCase) => {
  let setup: StoreSetup;
  let store: CollectorStore;
  let app: FastifyInstance;
  let url: string;
  let world: World;
  const registered: { method: string; url: string }[] = [];
  const sessions = new Map<Principal, Session>();

  async function enrollKiosk(helpPointId: string): Promise<string> {
    const made = await createEnrollmentCode(store, {
      helpPointId,
      helpPointName: helpPointId,
      kioskUrl: 'http://127.0.0.1:4173',
      collectorUrl: 'http://127.0.0.1:8787',
    });
    const exchanged = await exchangeEnrollmentCode(store, made.code, new Date());
    if (exchanged.outcome !== 'enrolled') throw new Error('enrollment failed');
    return exchanged.enrollment.deviceId;
  }

  beforeAll(async () => {
    setup = await storeCase.setup();
    store = await openStore(setup.options);
    app = buildApp({
      store,
      rateLimit: false,
      bodyLimitBytes: 1024 * 1024,
      logger: false,
      dashboard: { loginLimits: false },
    });
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/admin/api')) return;
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') registered.push({ method, url: route.url });
      }
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const helpPoints = {
      own: uniqueHelpPoint('own'),
      other: uniqueHelpPoint('other'),
      foreign: uniqueHelpPoint('foreign'),
    };
    const devices = {
      own: await enrollKiosk(helpPoints.own),
      other: await enrollKiosk(helpPoints.other),
      foreign: await enrollKiosk(helpPoints.foreign),
    };
    await setHelpPointMunicipality(store, helpPoints.own, '0880');
    await setHelpPointMunicipality(store, helpPoints.other, '0880');
    await setHelpPointMunicipality(store, helpPoints.foreign, '1280');
    const emails = {
      viewer: uniqueEmail('viewer'),
      manager: uniqueEmail('manager'),
      admin: uniqueEmail('admin'),
      foreignAdmin: uniqueEmail('foreign'),
    };
    const make = (email: string, role: string, municipalityCode: string, helpPointIds?: string[]) =>
      addAccount(store, {
        email,
        role,
        municipalityCode,
        password: TEST_PASSWORD,
        ...(helpPointIds ? { helpPointIds } : {}),
      });
    await make(emails.viewer, 'viewer', '0880');
    await make(emails.manager, 'manager', '0880', [helpPoints.own]);
    await make(emails.admin, 'admin', '0880');
    await make(emails.foreignAdmin, 'admin', '1280');
    world = {
      store,
      helpPoints,
      devices,
      emails,
      newVictim: async () => (await make(uniqueEmail('victim'), 'viewer', '0880')).id,
    };
    for (const principal of PRINCIPALS) {
      if (principal !== 'anonymous') sessions.set(principal, await login(url, emails[principal]));
    }
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await app?.close();
    await store?.close();
    await setup?.teardown();
  });

  it('has a row for every /admin/api route, and no row for a route that is gone', () => {
    const keys = new Set(registered.map((route) => `${route.method} ${route.url}`));
    const missing = [...keys].filter((key) => !(key in ROUTES));
    expect(missing, 'routes without a row in ROUTES: add their expected answers').toEqual([]);
    expect(Object.keys(ROUTES).filter((key) => !keys.has(key))).toEqual([]);
  });

  const cases = Object.entries(ROUTES).flatMap(([key, list]) =>
    list.map((entry) => ({ key, entry })),
  );

  it.each(cases)('$key: $entry.name', async ({ key, entry }) => {
    const [method = 'GET'] = key.split(' ');
    for (const principal of PRINCIPALS) {
      const session =
        principal === 'anonymous'
          ? null
          : entry.freshSession
            ? await login(url, world.emails[principal])
            : (sessions.get(principal) ?? null);
      // Without the CSRF token no change goes through, whoever asks (login has no session
      // yet). Tried first, so a request that ends the session (logout) is tried afterwards.
      if (session && UNSAFE.has(method) && key !== 'POST /admin/api/login') {
        const forgedRequest = await entry.request(world);
        const forged = await call(url, forgedRequest.path, session, {
          method,
          csrf: false,
          ...(forgedRequest.body === undefined ? {} : { body: forgedRequest.body }),
        });
        expect({ principal, forged: forged.status }).toEqual({ principal, forged: 403 });
      }
      const { path, body } = await entry.request(world);
      const answer = await call(url, path, session, {
        method,
        ...(body === undefined ? {} : { body }),
      });
      expect({ principal, status: answer.status }).toEqual({
        principal,
        status: entry.expect[principal],
      });
      if (answer.status >= 400) {
        expect(answer.body).toEqual({
          error: { code: expect.any(String), message: expect.any(String) },
        });
      }
    }
  });

  it('a dashboard session opens none of the device or admin-token routes', async () => {
    const admin = sessions.get('admin') ?? null;
    for (const [method, path] of [
      ['GET', '/api/v1/tally'],
      ['GET', '/api/v1/settings'],
      ['POST', '/api/v1/events'],
      ['GET', '/api/v1/help-requests'],
    ] as const) {
      const answer = await call(url, path, admin, {
        method,
        ...(method === 'POST' ? { body: { events: [] } } : {}),
      });
      expect({ path, status: answer.status }).toEqual({ path, status: 401 });
    }
    // With no admin token configured the admin routes do not exist, cookie or not.
    expect((await call(url, '/api/v1/admin/report', admin)).status).toBe(404);
    expect((await request(url, '/admin/api/no-such-route')).status).toBe(401);
  });

  it('deletes abandoned sessions at the next login, not only when they are presented', async () => {
    const [account] = await store.accounts.listAccounts('0880');
    if (!account) throw new Error('no account');
    const longAgo = new Date(Date.now() - 13 * 60 * 60_000);
    const abandoned = 'f'.repeat(64);
    await store.accounts.createSession(abandoned, account.id, longAgo);
    // Under a policy that forgives everything, the row is still there…
    const lenient = { now: longAgo, idleMs: 60_000, absoluteMs: 60_000 };
    expect(await store.accounts.useSession(abandoned, lenient)).not.toBeNull();
    await login(url, world.emails.viewer);
    // …and after someone's login it is gone.
    expect(await store.accounts.useSession(abandoned, lenient)).toBeNull();
  });
});
