/**
 * A device's help point settings: GET /api/v1/settings (its own help point only, with an
 * ETag so an unchanged version costs a 304), and POST /api/v1/settings/refusals, where a
 * device reports a version its own checks refused. The admin reads the state back from
 * GET /api/v1/admin/help-points/:id/settings (never the PIN verifier).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  SETTINGS_PATH,
  SETTINGS_REFUSALS_PATH,
  settingsEtag,
  settingsRefusalSchema,
  type SettingsDocument,
} from '../../../src/protocol/help-point-settings';
import { ERROR_CODES } from '../../../src/protocol/sync-api';
import type { CollectorStore } from '../store/collector-store';
import { describeIssue } from '../untrusted-input';
import { requireDevice } from './device-auth';
import { sendError } from './errors';

/** True when If-None-Match names this ETag (or is `*`); weak comparison, as RFC 9110 asks. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

export function registerSettingsRoutes(
  app: FastifyInstance,
  stores: Pick<CollectorStore, 'settings'>,
): void {
  const auth = requireDevice;
  const deviceOf = (request: FastifyRequest) => {
    if (!request.device) throw new Error('settings route reached without a device');
    return request.device;
  };

  app.get(SETTINGS_PATH, { onRequest: auth }, async (request, reply) => {
    const device = deviceOf(request);
    const stored = await stores.settings.get(device.helpPointId);
    if (!stored) {
      return sendError(reply, 404, ERROR_CODES.notFound, 'This help point has no settings yet.');
    }
    const etag = settingsEtag(stored.version);
    // no-cache: a cache may keep it, but must ask (with the ETag) before using it again.
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    const document: SettingsDocument = {
      helpPointId: stored.helpPointId,
      version: stored.version,
      config: {
        ...stored.settings.config,
        ...(stored.staffPin ? { staffPin: stored.staffPin } : {}),
      },
      localCatalogue: stored.settings.localCatalogue,
      localLessons: stored.settings.localLessons,
    };
    return document;
  });

  app.post(SETTINGS_REFUSALS_PATH, { onRequest: auth }, async (request, reply) => {
    const device = deviceOf(request);
    const refusal = settingsRefusalSchema.safeParse(request.body);
    if (!refusal.success) {
      const [issue] = refusal.error.issues;
      return sendError(
        reply,
        400,
        ERROR_CODES.malformed,
        `Expected { version, reason }: ${issue ? describeIssue(issue, '(body)') : 'invalid'}.`,
      );
    }
    await stores.settings.recordRefusal(device.id, device.helpPointId, refusal.data);
    return reply.code(204).send();
  });
}
