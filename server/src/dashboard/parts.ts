/**
 * The other parts of the dashboard API register here: each is a function adding its routes
 * to the /admin/api plugin, which authenticates every route (and checks CSRF on changes)
 * before the part's own hooks run. The table-driven authorization test
 * (tests/server/dashboard-authz.test.ts) fails for any route it has no row for.
 */
import type { FastifyInstance } from 'fastify';
import type { DashboardDeps } from './dashboard-deps';
import { registerFleetRoutes } from './fleet/routes';
import { registerSettingsEditorRoutes } from './settings/routes';
import { registerStatisticsRoutes } from './statistics/routes';

export type { DashboardDeps } from './dashboard-deps';

export type DashboardRoutes = (api: FastifyInstance, deps: DashboardDeps) => void;

export const DASHBOARD_PARTS: DashboardRoutes[] = [
  registerStatisticsRoutes,
  registerFleetRoutes,
  registerSettingsEditorRoutes,
];
