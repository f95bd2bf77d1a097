/**
 * The dashboard's fleet API (issue 13, part D), registered by part A under /admin/api:
 * GET /devices (with warnings), POST /devices/:id/name, POST /devices/:id/revoke and
 * POST /enrollments (a single-use code, its link and its QR code).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  deviceNameSchema,
  enrollmentRequestSchema,
  type FleetDeviceView,
} from '../../../../src/protocol/fleet';
import { ERROR_CODES } from '../../../../src/protocol/sync-api';
import {
  createEnrollmentCode,
  DEFAULT_ENROLLMENT_CODE_TTL_MS,
  EnrollmentInputError,
  qrSvg,
} from '../../enrollment';
import { sendError } from '../../http/errors';
import type { FleetDevice } from '../../store/fleet-store';
import { accountOf, type DashboardDeps } from './access-contract';
import { checkManage, parseBody } from './guards';
import { compareVersions, deviceWarnings, type StaffedRow } from './warnings';

const DEFAULT_NOT_SEEN_MINUTES = 60;

/** The origin the dashboard was called on: the collector devices reach, by default. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function registerFleetRoutes(api: FastifyInstance, deps: DashboardDeps): void {
  const { store, access, now } = deps;
  const options = deps.fleet ?? {};
  const read = { preHandler: [access.requireAccount] };
  const change = { preHandler: [access.requireAccount, access.requireEditor] };

  api.get('/devices', read, async (request) => {
    const account = accountOf(request);
    const points = await access.visibleHelpPoints(account);
    const devices = await store.fleet.listDevices(points.map((point) => point.id));
    const hours = new Map<string, StaffedRow[]>();
    for (const point of points) {
      const settings = await store.settings.get(point.id);
      const rows = (settings?.settings.config as { staffedHours?: StaffedRow[] } | undefined)
        ?.staffedHours;
      hours.set(point.id, rows ?? []);
    }
    const newest = devices
      .map((device) => device.heartbeat?.appVersion)
      .filter((version): version is string => Boolean(version))
      .sort(compareVersions)
      .at(-1);
    const currentAppVersion = options.currentAppVersion ?? newest ?? null;
    const at = now();
    const view = (device: FleetDevice): FleetDeviceView => ({
      id: device.id,
      name: device.name,
      helpPointId: device.helpPointId,
      role: device.role,
      enrolledAt: device.createdAt.toISOString(),
      revokedAt: device.revokedAt?.toISOString() ?? null,
      lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
      heartbeat: device.heartbeat,
      warnings: deviceWarnings(device, {
        now: at,
        staffedHours: hours.get(device.helpPointId) ?? [],
        notSeenMinutes: options.notSeenMinutes ?? DEFAULT_NOT_SEEN_MINUTES,
        currentAppVersion,
      }),
    });
    return { devices: devices.map(view) };
  });

  /** The device, once the account may change its help point; null after answering. */
  const manageableDevice = async (
    request: FastifyRequest,
    reply: Parameters<typeof sendError>[0],
  ) => {
    const { id } = request.params as { id: string };
    const device = /^[0-9a-f-]{36}$/i.test(id) ? await store.fleet.findDevice(id) : null;
    if (!device) {
      sendError(reply, 404, ERROR_CODES.notFound, 'No such device.');
      return null;
    }
    return (await checkManage(access, accountOf(request), device.helpPointId, reply))
      ? device
      : null;
  };

  api.post('/devices/:id/name', change, async (request, reply) => {
    const body = parseBody(deviceNameSchema, request.body, reply);
    if (!body) return reply;
    const device = await manageableDevice(request, reply);
    if (!device) return reply;
    await store.fleet.rename(device.id, body.name.trim());
    return { id: device.id, name: body.name.trim() };
  });

  api.post('/devices/:id/revoke', change, async (request, reply) => {
    const device = await manageableDevice(request, reply);
    if (!device) return reply;
    const revokedAt = await store.devices.revoke(device.id);
    return { id: device.id, revokedAt: revokedAt?.toISOString() ?? null };
  });

  api.post('/enrollments', change, async (request, reply) => {
    const body = parseBody(enrollmentRequestSchema, request.body, reply);
    if (!body) return reply;
    if (!(await checkManage(access, accountOf(request), body.helpPointId, reply))) return reply;
    const origin = originOf(request);
    const input = {
      helpPointId: body.helpPointId,
      role: body.role,
      kioskUrl: options.kioskUrl ?? origin,
      collectorUrl: options.collectorUrl ?? origin,
    };
    const ttlMs = options.enrollmentCodeTtlMs ?? DEFAULT_ENROLLMENT_CODE_TTL_MS;
    let made;
    try {
      made = await createEnrollmentCode(store, input, { ttlMs, now: now() });
    } catch (error) {
      // Only a collector URL this origin cannot offer devices (plain http on a real host).
      if (!(error instanceof EnrollmentInputError)) throw error;
      return sendError(reply, 400, ERROR_CODES.malformed, error.message);
    }
    // The link holds a single-use code, never a device token; it is shown once.
    return reply.code(201).send({
      link: made.link,
      expiresAt: made.expiresAt.toISOString(),
      qrSvg: await qrSvg(made.link),
    });
  });
}
