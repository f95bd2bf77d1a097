/**
 * For the fleet and settings-editor tests: the collector as it runs (buildApp, the device API
 * and the dashboard API on one store), reached through the real access path. Each test
 * account is made with addAccount, logs in at /admin/api/login once, and then calls with its
 * session cookie and, on every change, its CSRF token, as the dashboard in a browser does.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/src/app';
import { addAccount, setHelpPointMunicipality } from '../../server/src/dashboard/admin-accounts';
import type { AccountRole, FleetOptions } from '../../server/src/dashboard/fleet/access-contract';
import { createEnrollmentCode } from '../../server/src/enrollment';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { ENROLL_PATH, enrollResponseSchema, type Enrollment } from '../../src/protocol/sync-api';
import { TEST_PASSWORD, uniqueEmail } from './dashboard-support';

/** A test account, made in the store at its first request. */
export interface TestAccount {
  email: string;
  role: AccountRole;
  municipalityCode: string;
  helpPointIds: string[];
}

export function account(
  role: AccountRole,
  municipalityCode: string,
  helpPointIds: string[] = [],
): TestAccount {
  return {
    email: uniqueEmail(`${role}-${municipalityCode}`),
    role,
    municipalityCode,
    helpPointIds,
  };
}

/** The collector and the sessions its test accounts have opened on it. */
export interface DashboardClient {
  app: FastifyInstance;
  store: CollectorStore;
  sessions: Map<string, { cookie: string; csrfToken: string }>;
}

export interface FleetApps {
  /** The device API (enroll, events, heartbeat, settings): the same collector. */
  device: FastifyInstance;
  dashboard: DashboardClient;
  close(): Promise<void>;
}

export async function buildFleetApps(
  store: CollectorStore,
  now: () => Date,
  fleet: FleetOptions = {},
): Promise<FleetApps> {
  const app = buildApp({
    store,
    rateLimit: false,
    bodyLimitBytes: 1_000_000,
    logger: false,
    now,
    dashboard: {
      loginLimits: false,
      // The fleet test moves the collector's clock two hours on (silent devices): the
      // sessions must outlive that jump, or every later call would be 401.
      sessionIdleMs: 24 * 60 * 60_000,
      sessionAbsoluteMs: 48 * 60 * 60_000,
      fleet: {
        kioskUrl: 'http://127.0.0.1:4173',
        collectorUrl: 'http://127.0.0.1:8787',
        pinIterations: 100_000,
        ...fleet,
      },
    },
  });
  await app.ready();
  return {
    device: app,
    dashboard: { app, store, sessions: new Map() },
    close: () => app.close(),
  };
}

/** Places existing help points (from their settings or enrollment) in municipalities. */
export async function placeHelpPoints(
  store: CollectorStore,
  municipalities: Record<string, string[]>,
): Promise<void> {
  for (const [code, ids] of Object.entries(municipalities)) {
    for (const id of ids) await setHelpPointMunicipality(store, id, code);
  }
}

/** Enrolls a device through a one-time code exchanged at POST /api/v1/enroll. */
export async function enrollDevice(
  store: CollectorStore,
  device: FastifyInstance,
  helpPointId: string,
  role: 'kiosk' | 'staff' = 'kiosk',
): Promise<Enrollment> {
  const made = await createEnrollmentCode(store, {
    helpPointId,
    role,
    kioskUrl: 'http://127.0.0.1:4173',
    collectorUrl: 'http://127.0.0.1:8787',
  });
  const answer = await device.inject({
    method: 'POST',
    url: ENROLL_PATH,
    payload: { code: made.code },
  });
  return enrollResponseSchema.parse(answer.json()).enrollment;
}

/** The account's session: made and logged in at its first use, then kept. */
async function sessionOf(dashboard: DashboardClient, who: TestAccount) {
  const known = dashboard.sessions.get(who.email);
  if (known) return known;
  await addAccount(dashboard.store, { ...who, password: TEST_PASSWORD });
  const answer = await dashboard.app.inject({
    method: 'POST',
    url: '/admin/api/login',
    payload: { email: who.email, password: TEST_PASSWORD },
  });
  const pair = /(?:^|,\s*)(hp_session=[^;]*)/.exec(String(answer.headers['set-cookie'] ?? ''));
  if (answer.statusCode !== 200 || !pair?.[1]) {
    throw new Error(`login failed: ${answer.statusCode}`);
  }
  const session = { cookie: pair[1], csrfToken: answer.json<{ csrfToken: string }>().csrfToken };
  dashboard.sessions.set(who.email, session);
  return session;
}

/** A dashboard request as `who` (session cookie, CSRF token on changes), or anonymously. */
export async function asAccount(
  dashboard: DashboardClient,
  who: TestAccount | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const session = who ? await sessionOf(dashboard, who) : null;
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (session && method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  return dashboard.app.inject({
    method,
    url: `/admin/api${url}`,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
