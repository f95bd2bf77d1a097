/**
 * Help requests (kiosk → staff tablets of the same help point) and the staff tally. Any
 * enrolled device may ask for help; only staff devices read, accept and close requests or
 * read the tally, and only ever those of their own help point: another help point's request
 * answers 404, exactly like one that does not exist.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { uuidV7Schema } from '../../../src/protocol/codes';
import {
  HELP_REQUESTS_PATH,
  HELP_REQUEST_ACTIONS,
  HELP_REQUEST_TTL_MS,
  MAX_OPEN_REQUESTS_PER_DEVICE,
  TALLY_PATH,
  helpRequestCreateSchema,
  type HelpPointTally,
  type HelpRequestAction,
  type HelpRequestList,
  type HelpRequestStatus,
} from '../../../src/protocol/help-requests';
import { ERROR_CODES } from '../../../src/protocol/sync-api';
import type { KnownCodes } from '../known-codes';
import type { CollectorStore } from '../store/collector-store';
import type { DeviceRecord } from '../store/device-store';
import { describeIssue } from '../untrusted-input';
import { requireDevice } from './device-auth';
import { sendError } from './errors';
import { TALLY_QUERY_USAGE, parseTallyQuery } from './tally-query';

/** Requests are deleted this long after they were made (checked whenever one is posted). */
export const HELP_REQUEST_RETENTION_MS = 24 * 60 * 60_000;
/** A device at its open-request limit may try again after this long (staff may have acted). */
export const HELP_REQUEST_RETRY_AFTER_SECONDS = 60;

const STATUS_AFTER: Record<HelpRequestAction, Exclude<HelpRequestStatus, 'open'>> = {
  accept: 'accepted',
  close: 'closed',
};

function callingDevice(request: FastifyRequest): DeviceRecord {
  // requireDevice runs in onRequest and answers itself when there is no device.
  if (!request.device) throw new Error('help-request route reached without a device');
  return request.device;
}

/** After requireDevice: kiosks may only ask for help. */
function staffOnly(message: string) {
  return async function requireStaff(request: FastifyRequest, reply: FastifyReply) {
    if (request.device?.role !== 'staff') {
      return sendError(reply, 403, ERROR_CODES.forbidden, message);
    }
  };
}

export function registerHelpRequestRoutes(
  app: FastifyInstance,
  stores: Pick<CollectorStore, 'events' | 'helpRequests'>,
  now: () => Date,
  knownCodes: KnownCodes,
): void {
  const auth = requireDevice;
  const ttlStart = (at: Date) => new Date(at.getTime() - HELP_REQUEST_TTL_MS);

  app.post(HELP_REQUESTS_PATH, { onRequest: auth }, async (request, reply) => {
    const device = callingDevice(request);
    const body = helpRequestCreateSchema.safeParse(request.body);
    if (!body.success) {
      const [issue] = body.error.issues;
      const detail = issue ? describeIssue(issue, '(body)') : 'invalid';
      return sendError(
        reply,
        400,
        ERROR_CODES.malformed,
        `The body must be { "id": UUIDv7, "language": language code, "errandId": errand code or null }: ${detail}.`,
      );
    }
    const { errandId } = body.data;
    if (errandId !== null && !(await knownCodes.isKnown('errand', errandId, device.helpPointId))) {
      return sendError(
        reply,
        400,
        ERROR_CODES.malformed,
        'errandId: not an errand this collector knows; send null when the visitor asked from no errand.',
      );
    }
    const at = now();
    const result = await stores.helpRequests.create(
      { ...body.data, helpPointId: device.helpPointId, deviceId: device.id },
      {
        now: at,
        openSince: ttlStart(at),
        maxOpen: MAX_OPEN_REQUESTS_PER_DEVICE,
        deleteBefore: new Date(at.getTime() - HELP_REQUEST_RETENTION_MS),
      },
    );
    switch (result.outcome) {
      case 'created':
        return reply.code(201).send({ request: result.request });
      case 'existing':
        return reply.code(200).send({ request: result.request });
      case 'conflict':
        // The id is another device's: never shown or overwritten, so the kiosk needs a new one.
        return sendError(
          reply,
          409,
          ERROR_CODES.conflict,
          'This request id belongs to another device: make a new UUIDv7 for a new request.',
        );
      case 'limited':
        reply.header('retry-after', String(HELP_REQUEST_RETRY_AFTER_SECONDS));
        return sendError(
          reply,
          429,
          ERROR_CODES.rateLimited,
          `This device already has ${MAX_OPEN_REQUESTS_PER_DEVICE} open help requests: ` +
            `staff have been asked. Retry after ${HELP_REQUEST_RETRY_AFTER_SECONDS} s, ` +
            'once they have accepted or closed one.',
        );
    }
  });

  app.get(
    HELP_REQUESTS_PATH,
    {
      onRequest: [auth, staffOnly('Only staff devices read help requests; kiosks only post them.')],
    },
    async (request, reply) => {
      const device = callingDevice(request);
      const list: HelpRequestList = {
        requests: await stores.helpRequests.list(device.helpPointId, ttlStart(now())),
      };
      return reply.header('cache-control', 'no-store').send(list);
    },
  );

  for (const action of HELP_REQUEST_ACTIONS) {
    app.post<{ Params: { id: string } }>(
      `${HELP_REQUESTS_PATH}/:id/${action}`,
      { onRequest: [auth, staffOnly(`Only staff devices ${action} help requests.`)] },
      async (request, reply) => {
        const device = callingDevice(request);
        const { id } = request.params;
        const updated = uuidV7Schema.safeParse(id).success
          ? await stores.helpRequests.updateStatus(
              id,
              device.helpPointId,
              STATUS_AFTER[action],
              now(),
            )
          : null;
        if (!updated) {
          return sendError(
            reply,
            404,
            ERROR_CODES.notFound,
            'No such help request at this help point.',
          );
        }
        return { request: updated };
      },
    );
  }

  app.get(
    TALLY_PATH,
    { onRequest: [auth, staffOnly('Only staff devices read the tally.')] },
    async (request, reply) => {
      const device = callingDevice(request);
      const query = parseTallyQuery(request.query, now());
      if (!query.ok) {
        return sendError(
          reply,
          400,
          ERROR_CODES.malformed,
          `${TALLY_QUERY_USAGE}: ${query.problem}.`,
        );
      }
      const tally: HelpPointTally = await stores.events.tally(
        device.helpPointId,
        query.from,
        query.to,
        query.utcOffsetMinutes,
      );
      return reply.header('cache-control', 'no-store').send(tally);
    },
  );
}
