/**
 * POST /api/v1/heartbeat: a device's health, sent once per sync (docs/sync-protocol.md).
 * It updates only the device's row (last seen, last heartbeat, applied settings version);
 * it is never an event, so no count staff or the dashboard show can change.
 */
import type { FastifyInstance } from 'fastify';
import { HEARTBEAT_PATH, heartbeatBodySchema } from '../../../src/protocol/fleet';
import { ERROR_CODES } from '../../../src/protocol/sync-api';
import type { CollectorStore } from '../store/collector-store';
import { describeIssue } from '../untrusted-input';
import { requireDevice } from './device-auth';
import { sendError } from './errors';

export function registerHeartbeatRoute(
  app: FastifyInstance,
  stores: Pick<CollectorStore, 'fleet'>,
  now: () => Date,
): void {
  app.post(HEARTBEAT_PATH, { onRequest: requireDevice }, async (request, reply) => {
    const device = request.device;
    if (!device) throw new Error('heartbeat route reached without a device');
    const heartbeat = heartbeatBodySchema.safeParse(request.body);
    if (!heartbeat.success) {
      const [issue] = heartbeat.error.issues;
      return sendError(
        reply,
        400,
        ERROR_CODES.malformed,
        `Expected a heartbeat: ${issue ? describeIssue(issue, '(body)') : 'invalid'}.`,
      );
    }
    await stores.fleet.recordHeartbeat(device.id, heartbeat.data, now());
    return reply.code(204).send();
  });
}
