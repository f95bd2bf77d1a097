/**
 * For the fleet and settings-editor tests: the device API (buildApp) and part D's dashboard
 * routes on one store, the dashboard behind a fake AccessControl that takes the account
 * from a test header (part A's real one replaces it at integration).
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { buildApp } from '../../server/src/app';
import type {
  Account,
  AccessControl,
  FleetOptions,
} from '../../server/src/dashboard/fleet/access-contract';
import { registerFleetRoutes } from '../../server/src/dashboard/fleet/routes';
import { registerSettingsEditorRoutes } from '../../server/src/dashboard/settings/routes';
import { createEnrollmentCode } from '../../server/src/enrollment';
import { sendError } from '../../server/src/http/errors';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { ENROLL_PATH, enrollResponseSchema, type Enrollment } from '../../src/protocol/sync-api';

export const ACCOUNT_HEADER = 'x-test-account';

/** Which help points belong to which municipality, as part A's table will say. */
export type Municipalities = Record<string, string[]>;

export function fakeAccess(municipalities: Municipalities): AccessControl {
  const ownerOf = (id: string) =>
    Object.entries(municipalities).find(([, ids]) => ids.includes(id))?.[0];
  const visible = (account: Account) =>
    (municipalities[account.municipalityCode] ?? [])
      .filter((id) => account.role !== 'manager' || account.helpPointIds.includes(id))
      .map((id) => ({ id, name: id, municipalityCode: account.municipalityCode }));
  return {
    async requireAccount(request: FastifyRequest, reply) {
      const header = request.headers[ACCOUNT_HEADER];
      if (typeof header !== 'string') {
        return sendError(reply, 401, 'unauthenticated', 'Log in first.');
      }
      (request as unknown as { account: Account }).account = JSON.parse(header) as Account;
    },
    async requireEditor(request, reply) {
      const account = (request as unknown as { account: Account }).account;
      if (account.role === 'viewer') {
        return sendError(reply, 403, 'forbidden', 'A viewer changes nothing.');
      }
    },
    visibleHelpPoints: async (account) => visible(account),
    async mayManage(account, id) {
      if (account.role === 'viewer' || ownerOf(id) !== account.municipalityCode) return false;
      return account.role === 'admin' || account.helpPointIds.includes(id);
    },
  };
}

export function account(
  role: Account['role'],
  municipalityCode: string,
  helpPointIds: string[] = [],
): Account {
  return {
    id: `${role}-${municipalityCode}`,
    email: `${role}@${municipalityCode}.example`,
    role,
    municipalityCode,
    helpPointIds,
  };
}

export interface FleetApps {
  device: FastifyInstance;
  dashboard: FastifyInstance;
  close(): Promise<void>;
}

export async function buildFleetApps(
  store: CollectorStore,
  municipalities: Municipalities,
  now: () => Date,
  options: FleetOptions = {},
): Promise<FleetApps> {
  const device = buildApp({
    store,
    rateLimit: false,
    bodyLimitBytes: 1_000_000,
    logger: false,
    now,
  });
  const dashboard = Fastify({ logger: false });
  dashboard.decorateRequest('account', null);
  await dashboard.register(
    async (api) => {
      const deps = {
        store,
        access: fakeAccess(municipalities),
        now,
        fleet: {
          kioskUrl: 'http://127.0.0.1:4173',
          collectorUrl: 'http://127.0.0.1:8787',
          pinIterations: 100_000,
          ...options,
        },
      };
      registerFleetRoutes(api, deps);
      registerSettingsEditorRoutes(api, deps);
    },
    { prefix: '/admin/api' },
  );
  await Promise.all([device.ready(), dashboard.ready()]);
  return {
    device,
    dashboard,
    close: async () => {
      await Promise.all([device.close(), dashboard.close()]);
    },
  };
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

/** A dashboard request as `who`, or anonymously. */
export function asAccount(
  dashboard: FastifyInstance,
  who: Account | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
) {
  return dashboard.inject({
    method,
    url: `/admin/api${url}`,
    headers: who ? { [ACCOUNT_HEADER]: JSON.stringify(who) } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
