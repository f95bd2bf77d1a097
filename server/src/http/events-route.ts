/** POST /api/v1/events: authenticate, check the batch, plan each event, insert once, answer. */
import type { FastifyInstance } from 'fastify';
import {
  ERROR_CODES,
  EVENTS_PATH,
  MAX_BATCH_EVENTS,
  eventBatchSchema,
  type EventBatchResponse,
} from '../../../src/protocol/sync-api';
import { completeResults, correctedRecordIds, enforceRecordOwnership, planBatch } from '../ingest';
import type { KnownCodes } from '../known-codes';
import type { CollectorStore } from '../store/collector-store';
import { describeIssue } from '../untrusted-input';
import { requireDevice } from './device-auth';
import { sendError } from './errors';

function hasTooManyEvents(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('events' in body)) return false;
  return Array.isArray(body.events) && body.events.length > MAX_BATCH_EVENTS;
}

export function registerEventsRoute(
  app: FastifyInstance,
  stores: Pick<CollectorStore, 'events'>,
  knownCodes: KnownCodes,
): void {
  app.post(EVENTS_PATH, { onRequest: requireDevice }, async (request, reply) => {
    const receivedAt = new Date();
    const device = request.device;
    if (!device) throw new Error('events route reached without a device');

    if (hasTooManyEvents(request.body)) {
      return sendError(
        reply,
        413,
        ERROR_CODES.tooLarge,
        `At most ${MAX_BATCH_EVENTS} events per batch: split the batch.`,
      );
    }
    const batch = eventBatchSchema.safeParse(request.body);
    if (!batch.success) {
      const [issue] = batch.error.issues;
      const detail = issue ? describeIssue(issue, '(body)') : 'invalid';
      return sendError(
        reply,
        400,
        ERROR_CODES.malformed,
        `The body must be { "events": [1 to ${MAX_BATCH_EVENTS} events] }: ${detail}.`,
      );
    }

    const isKnown = await knownCodes.forHelpPoint(device.helpPointId);
    const planned = planBatch(batch.data.events, device, receivedAt, isKnown);
    const owners = await stores.events.recordOwners(
      device.helpPointId,
      correctedRecordIds(planned),
    );
    const plan = enforceRecordOwnership(planned, owners, device.id);
    const inserted = await stores.events.insert(plan.toInsert, receivedAt, device.id);
    const response: EventBatchResponse = {
      receivedAt: receivedAt.toISOString(),
      results: completeResults(plan, inserted),
    };
    return response;
  });
}
