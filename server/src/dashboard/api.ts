/**
 * The dashboard's JSON API, one Fastify plugin under /admin/api. Its own context: devices'
 * bearer tokens and their rate limits do not apply here, and every route but login passes
 * requireAccount first (a live session, and the CSRF token on every change), so a route added
 * by another part cannot forget it.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { CollectorStore } from '../store/collector-store';
import { installNotFoundHandler } from '../http/errors';
import { createAccessControl } from './access';
import { registerAccountRoutes } from './account-routes';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './login-limits';
import type { FleetOptions } from './dashboard-deps';
import { DASHBOARD_PARTS, type DashboardRoutes } from './parts';
import { DEFAULT_SESSION_ABSOLUTE_MS, DEFAULT_SESSION_IDLE_MS } from './sessions';

export const DASHBOARD_API_PREFIX = '/admin/api';

export interface DashboardOptions {
  /** A session unused this long is over. Default 30 minutes. */
  sessionIdleMs?: number;
  /** A session is over this long after login. Default 12 hours. */
  sessionAbsoluteMs?: number;
  /** Default DEFAULT_LOGIN_LIMITS; false only in tests. */
  loginLimits?: LoginLimits | false;
  /** Where the built dashboard is. Default dist-dashboard. */
  distDir?: string;
  /** Route registrations beside DASHBOARD_PARTS (tests). */
  extraParts?: DashboardRoutes[];
  /** Where enrollment links point, how long a device may be silent, … (fleet routes). */
  fleet?: FleetOptions;
}

export function registerDashboardApi(
  app: FastifyInstance,
  options: { store: CollectorStore; now: () => Date; bodyLimitBytes: number } & DashboardOptions,
): void {
  const idleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  const absoluteMs = options.sessionAbsoluteMs ?? DEFAULT_SESSION_ABSOLUTE_MS;
  if (!(idleMs >= 60_000 && absoluteMs >= idleMs)) {
    throw new RangeError('session idle time: at least a minute, and no longer than the absolute');
  }
  const { store, now } = options;
  const access = createAccessControl({ accounts: store.accounts, now, idleMs, absoluteMs });
  void app.register(
    async (api) => {
      await api.register(cookie);
      api.decorateRequest('account', null);
      api.addHook('onRequest', async (request, reply) => {
        const config = request.routeOptions.config as { public?: boolean } | undefined;
        if (config?.public === true) return undefined;
        return access.requireAccount(request, reply);
      });
      installNotFoundHandler(api, options.bodyLimitBytes);
      const deps = { store, access, now, ...(options.fleet ? { fleet: options.fleet } : {}) };
      registerAccountRoutes(api, {
        ...deps,
        idleMs,
        absoluteMs,
        loginLimits: options.loginLimits ?? DEFAULT_LOGIN_LIMITS,
      });
      for (const part of [...DASHBOARD_PARTS, ...(options.extraParts ?? [])]) part(api, deps);
    },
    { prefix: DASHBOARD_API_PREFIX },
  );
}
