/**
 * The municipality's admin API: make an enrollment code, revoke a device, read the report.
 * Behind a separate admin token (checked in identifyCaller); with no admin token configured
 * the routes answer 404, as if absent. A wrong admin token counts against the caller's
 * address like any failed authentication.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { codeSchema } from '../../../src/protocol/codes';
import { ERROR_CODES } from '../../../src/protocol/sync-api';
import {
  EnrollmentInputError,
  createEnrollmentCode,
  qrSvg,
  type EnrollmentInput,
} from '../enrollment';
import type { CollectorStore } from '../store/collector-store';
import { isRecord } from '../untrusted-input';
import { sendError } from './errors';

export const ADMIN_PREFIX = '/api/v1/admin';

const ANY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerAdminRoutes(
  app: FastifyInstance,
  stores: Pick<CollectorStore, 'devices' | 'events' | 'enrollments' | 'settings' | 'accounts'>,
  options: { adminToken: string | undefined; enrollmentCodeTtlMs: number },
): void {
  async function authenticateAdmin(request: FastifyRequest, reply: FastifyReply) {
    if (!options.adminToken) {
      return sendError(reply, 404, ERROR_CODES.notFound, 'No such endpoint.');
    }
    if (request.caller?.kind !== 'admin') {
      return sendError(reply, 401, ERROR_CODES.unauthenticated, 'Missing or wrong admin token.');
    }
  }

  app.post(
    `${ADMIN_PREFIX}/enrollments`,
    { onRequest: authenticateAdmin },
    async (request, reply) => {
      const body = request.body;
      if (!isRecord(body)) {
        return sendError(reply, 400, ERROR_CODES.malformed, 'The body must be a JSON object.');
      }
      // Devices reach the collector the way the admin did, unless told otherwise.
      const collectorUrl = body.collectorUrl ?? `${request.protocol}://${request.host}`;
      try {
        // Validated inside createEnrollmentCode; a wrong shape becomes an EnrollmentInputError.
        const input = { ...body, collectorUrl } as EnrollmentInput;
        const made = await createEnrollmentCode(stores, input, {
          ttlMs: options.enrollmentCodeTtlMs,
        });
        // The link holds a one-time code, never a device token.
        return await reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({
            helpPointId: made.helpPointId,
            role: made.role,
            link: made.link,
            expiresAt: made.expiresAt.toISOString(),
            qrSvg: await qrSvg(made.link),
          });
      } catch (error) {
        if (!(error instanceof EnrollmentInputError)) throw error;
        return sendError(
          reply,
          400,
          ERROR_CODES.malformed,
          `Expected { helpPointId, helpPointName?, role?, municipalityCode?, kioskUrl, collectorUrl? }: ${error.message}.`,
        );
      }
    },
  );

  app.post<{ Params: { deviceId: string } }>(
    `${ADMIN_PREFIX}/devices/:deviceId/revoke`,
    { onRequest: authenticateAdmin },
    async (request, reply) => {
      const { deviceId } = request.params;
      const revokedAt = ANY_UUID.test(deviceId) ? await stores.devices.revoke(deviceId) : null;
      if (!revokedAt) return sendError(reply, 404, ERROR_CODES.notFound, 'No such device.');
      return { deviceId: deviceId.toLowerCase(), revokedAt: revokedAt.toISOString() };
    },
  );

  // The settings' state and the devices' refusals; never the PIN verifier.
  app.get<{ Params: { helpPointId: string } }>(
    `${ADMIN_PREFIX}/help-points/:helpPointId/settings`,
    { onRequest: authenticateAdmin },
    async (request, reply) => {
      const { helpPointId } = request.params;
      const stored = codeSchema.safeParse(helpPointId).success
        ? await stores.settings.get(helpPointId)
        : null;
      if (!stored)
        return sendError(reply, 404, ERROR_CODES.notFound, 'No settings for this help point.');
      const refusals = await stores.settings.refusals(helpPointId);
      return {
        helpPointId,
        version: stored.version,
        updatedAt: stored.updatedAt.toISOString(),
        pinSet: stored.staffPin !== null,
        settings: stored.settings,
        refusals: refusals.map((refusal) => ({
          ...refusal,
          refusedAt: refusal.refusedAt.toISOString(),
        })),
      };
    },
  );

  app.get(`${ADMIN_PREFIX}/report`, { onRequest: authenticateAdmin }, async (request, reply) => {
    // The report covers all time and takes no parameters: one it does not read is a mistake
    // (a from/to meant for the tally), so it is refused rather than silently ignored.
    if (isRecord(request.query) && Object.keys(request.query).length > 0) {
      return sendError(reply, 400, ERROR_CODES.malformed, 'The report takes no query parameters.');
    }
    return { generatedAt: new Date().toISOString(), helpPoints: await stores.events.report() };
  });
}
