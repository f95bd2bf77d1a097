/**
 * The dashboard's help point settings editor (issue 13, part D), registered by part A under
 * /admin/api: read the current settings and every version (who published it, when, and
 * which devices applied it), publish a new version (the kiosk's own schemas check it first),
 * roll back to an earlier one (published again as a new version), and set the staff PIN,
 * which is never answered back.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  pinBodySchema,
  rollbackSchema,
  type HelpPointSettingsView,
} from '../../../../src/protocol/fleet';
import { ERROR_CODES } from '../../../../src/protocol/sync-api';
import { sendError } from '../../http/errors';
import {
  putHelpPointSettings,
  setHelpPointPin,
  SettingsInputError,
} from '../../settings/help-point-settings';
import { accountOf, type DashboardDeps } from '../fleet/access-contract';
import { checkManage } from '../fleet/guards';

/** 400 naming the refused field ("config.idleSeconds: …"), or rethrows what is no input error. */
function refuse(reply: FastifyReply, error: unknown): FastifyReply {
  if (!(error instanceof SettingsInputError)) throw error;
  return sendError(reply, 400, ERROR_CODES.malformed, error.message);
}

export function registerSettingsEditorRoutes(api: FastifyInstance, deps: DashboardDeps): void {
  const { store, access } = deps;
  const read = { preHandler: [access.requireAccount] };
  const change = { preHandler: [access.requireAccount, access.requireEditor] };
  const idOf = (params: unknown) => (params as { id: string }).id;

  api.get('/help-points/:id/settings', read, async (request, reply) => {
    const helpPointId = idOf(request.params);
    const visible = await access.visibleHelpPoints(accountOf(request));
    if (!visible.some((point) => point.id === helpPointId)) {
      return sendError(reply, 404, ERROR_CODES.notFound, 'No such help point.');
    }
    const [stored, versions, devices] = await Promise.all([
      store.settings.get(helpPointId),
      store.fleet.versions(helpPointId),
      store.fleet.listDevices([helpPointId]),
    ]);
    const view: HelpPointSettingsView = {
      helpPointId,
      current: stored && {
        version: stored.version,
        config: stored.settings.config,
        localCatalogue: stored.settings.localCatalogue,
        localLessons: stored.settings.localLessons,
        // Whether a PIN is set, never the PIN or its verifier.
        pinSet: stored.staffPin !== null,
      },
      versions: versions.map((entry) => ({
        version: entry.version,
        kind: entry.kind,
        publishedBy: entry.publishedBy,
        publishedAt: entry.publishedAt.toISOString(),
        rolledBackFrom: entry.rolledBackFrom,
        appliedBy: devices
          .filter((device) => !device.revokedAt)
          .filter((device) => device.heartbeat?.settingsVersion === entry.version)
          .map((device) => ({ id: device.id, name: device.name })),
      })),
    };
    return view;
  });

  api.put('/help-points/:id/settings', change, async (request, reply) => {
    const helpPointId = idOf(request.params);
    const account = accountOf(request);
    if (!(await checkManage(access, account, helpPointId, reply))) return reply;
    try {
      const version = await putHelpPointSettings(store.settings, helpPointId, request.body, {
        publishedBy: account.email,
      });
      return { version };
    } catch (error) {
      return refuse(reply, error);
    }
  });

  api.post('/help-points/:id/settings/rollback', change, async (request, reply) => {
    const helpPointId = idOf(request.params);
    const account = accountOf(request);
    if (!(await checkManage(access, account, helpPointId, reply))) return reply;
    const body = rollbackSchema.safeParse(request.body);
    if (!body.success) {
      return sendError(reply, 400, ERROR_CODES.malformed, 'version: must be a version number');
    }
    const earlier = await store.fleet.version(helpPointId, body.data.version);
    if (!earlier) return sendError(reply, 404, ERROR_CODES.notFound, 'No such version.');
    try {
      // Checked again with today's schemas: an old version must not reach devices unchecked.
      const version = await putHelpPointSettings(store.settings, helpPointId, earlier.settings, {
        publishedBy: account.email,
        rolledBackFrom: earlier.version,
      });
      return { version, rolledBackFrom: earlier.version };
    } catch (error) {
      return refuse(reply, error);
    }
  });

  api.put('/help-points/:id/pin', change, async (request, reply) => {
    const helpPointId = idOf(request.params);
    const account = accountOf(request);
    if (!(await checkManage(access, account, helpPointId, reply))) return reply;
    const body = pinBodySchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, ERROR_CODES.malformed, 'pin: must be digits');
    try {
      const version = await setHelpPointPin(
        store.settings,
        helpPointId,
        body.data.pin,
        deps.fleet?.pinIterations,
        { publishedBy: account.email },
      );
      // The version only: the PIN and its verifier never leave the collector this way.
      return { version };
    } catch (error) {
      return refuse(reply, error);
    }
  });
}
