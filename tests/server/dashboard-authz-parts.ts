/**
 * The authorization table's rows for the dashboard parts registered through DASHBOARD_PARTS
 * (statistics, fleet, settings editor), kept apart so the table's own file stays readable.
 * Reading is for every role; a help point outside the account's sight answers 404.
 */
import { TEST_STAFF_PIN, settingsFile } from '../support/help-point-settings';

type Principal = 'anonymous' | 'viewer' | 'manager' | 'admin' | 'foreignAdmin';

export interface PartWorld {
  helpPoints: { own: string; other: string; foreign: string };
  devices: { own: string; other: string; foreign: string };
}

export interface PartCase {
  name: string;
  request(world: PartWorld): { path: string; body?: unknown };
  expect: Record<Principal, number>;
}

const PERIOD = 'from=2026-01-01&to=2026-12-31';
/** Every signed-in account may read its own municipality's figures. */
const READ_ALL = { anonymous: 401, viewer: 200, manager: 200, admin: 200, foreignAdmin: 200 };
/** The manager's own help point: another municipality cannot see it. */
const READ_OWN = { ...READ_ALL, foreignAdmin: 404 };
/** A help point of the municipality that is not the manager's. */
const READ_OTHER = { ...READ_OWN, manager: 404 };

function readRows(path: (world: PartWorld, helpPoint: string | null) => string): PartCase[] {
  return [
    {
      name: 'the whole municipality',
      request: (world) => ({ path: path(world, null) }),
      expect: READ_ALL,
    },
    {
      name: "the manager's own help point",
      request: (world) => ({ path: path(world, world.helpPoints.own) }),
      expect: READ_OWN,
    },
    {
      name: "a help point that is not the manager's",
      request: (world) => ({ path: path(world, world.helpPoints.other) }),
      expect: READ_OTHER,
    },
  ];
}

const withHelpPoint = (query: string, helpPoint: string | null) =>
  helpPoint ? `${query}&helpPoint=${helpPoint}` : query;

export const STATISTICS_ROUTES: Record<string, PartCase[]> = {
  'GET /admin/api/views/:view': readRows(
    (_world, helpPoint) => `/admin/api/views/questions?${withHelpPoint(PERIOD, helpPoint)}`,
  ),
  'GET /admin/api/views/:view/export': readRows(
    (_world, helpPoint) =>
      `/admin/api/views/visits/export?${withHelpPoint(`${PERIOD}&format=csv`, helpPoint)}`,
  ),
  'GET /admin/api/exports/digidel': readRows(
    (_world, helpPoint) => `/admin/api/exports/digidel?${withHelpPoint(PERIOD, helpPoint)}`,
  ),
  'GET /admin/api/exports/kb-year': readRows(
    (_world, helpPoint) => `/admin/api/exports/kb-year?${withHelpPoint('year=2026', helpPoint)}`,
  ),
  'GET /admin/api/exports/agency-feedback': readRows(
    (_world, helpPoint) =>
      `/admin/api/exports/agency-feedback?${withHelpPoint(`agency=skatteverket&${PERIOD}`, helpPoint)}`,
  ),
};

/** Changes: editors only (a viewer gets 403), and only where the account may manage. */
const CHANGE_OWN = { anonymous: 401, viewer: 403, manager: 200, admin: 200, foreignAdmin: 404 };
const CHANGE_OTHER = { ...CHANGE_OWN, manager: 404 };
const created = (answers: Record<Principal, number>) => ({
  ...answers,
  manager: answers.manager === 200 ? 201 : answers.manager,
  admin: 201,
});

function changeRows(
  request: (world: PartWorld, where: 'own' | 'other') => { path: string; body?: unknown },
  answers: { own: Record<Principal, number>; other: Record<Principal, number> } = {
    own: CHANGE_OWN,
    other: CHANGE_OTHER,
  },
): PartCase[] {
  return [
    {
      name: "at the manager's own help point",
      request: (world) => request(world, 'own'),
      expect: answers.own,
    },
    {
      name: "at a help point that is not the manager's",
      request: (world) => request(world, 'other'),
      expect: answers.other,
    },
  ];
}

export const FLEET_ROUTES: Record<string, PartCase[]> = {
  'GET /admin/api/devices': [
    {
      name: "the municipality's devices",
      request: () => ({ path: '/admin/api/devices' }),
      expect: READ_ALL,
    },
  ],
  'POST /admin/api/devices/:id/name': changeRows((world, where) => ({
    path: `/admin/api/devices/${world.devices[where]}/name`,
    body: { name: 'Kiosken vid entrén' },
  })),
  'POST /admin/api/devices/:id/revoke': changeRows((world, where) => ({
    path: `/admin/api/devices/${world.devices[where]}/revoke`,
  })),
  'POST /admin/api/enrollments': changeRows(
    (world, where) => ({
      path: '/admin/api/enrollments',
      body: { helpPointId: world.helpPoints[where], role: 'kiosk' },
    }),
    { own: created(CHANGE_OWN), other: created(CHANGE_OTHER) },
  ),
  'GET /admin/api/help-points/:id/settings': [
    {
      name: "the manager's own help point",
      request: (world) => ({ path: `/admin/api/help-points/${world.helpPoints.own}/settings` }),
      expect: READ_OWN,
    },
    {
      name: "a help point that is not the manager's",
      request: (world) => ({ path: `/admin/api/help-points/${world.helpPoints.other}/settings` }),
      expect: READ_OTHER,
    },
  ],
  'PUT /admin/api/help-points/:id/settings': changeRows((world, where) => ({
    path: `/admin/api/help-points/${world.helpPoints[where]}/settings`,
    body: settingsFile(world.helpPoints[where]),
  })),
  'POST /admin/api/help-points/:id/settings/rollback': changeRows((world, where) => ({
    path: `/admin/api/help-points/${world.helpPoints[where]}/settings/rollback`,
    body: { version: 1 },
  })),
  'PUT /admin/api/help-points/:id/pin': changeRows((world, where) => ({
    path: `/admin/api/help-points/${world.helpPoints[where]}/pin`,
    body: { pin: TEST_STAFF_PIN },
  })),
};
