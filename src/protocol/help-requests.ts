/**
 * Help requests: a visitor at a kiosk taps "Ask the staff for help" and the staff tablets of
 * the same help point see it within seconds (they poll). Only fixed codes travel: the
 * visitor's language and, when the request came from an errand page, the errand's id. A
 * request is live coordination, not statistics: the statistics are the kiosk's own
 * `errand-viewed` log, which is written whether or not the request could be relayed.
 */
import { z } from 'zod/mini';
import { codeSchema, uuidV7Schema } from './codes';
import { LANGUAGES } from './vocabulary';

export const HELP_REQUESTS_PATH = '/api/v1/help-requests';
/** POST `${HELP_REQUESTS_PATH}/:id/accept` and `/close` (staff devices only). */
export const HELP_REQUEST_ACTIONS = ['accept', 'close'] as const;
export type HelpRequestAction = (typeof HELP_REQUEST_ACTIONS)[number];

/** Requests not closed after this long drop out of the staff's list by themselves. */
export const HELP_REQUEST_TTL_MS = 60 * 60_000;
/** A kiosk may have at most this many open requests at once (a stuck finger, not a queue). */
export const MAX_OPEN_REQUESTS_PER_DEVICE = 3;
/** How often staff tablets ask for new requests. */
export const HELP_REQUEST_POLL_MS = 3000;

/** POST body from a kiosk. The id is the kiosk's UUIDv7: a retried POST creates nothing new. */
export const helpRequestCreateSchema = z.strictObject({
  id: uuidV7Schema,
  language: z.enum(LANGUAGES),
  errandId: z.nullable(codeSchema),
});
export type HelpRequestCreate = z.infer<typeof helpRequestCreateSchema>;

export const HELP_REQUEST_STATUSES = ['open', 'accepted', 'closed'] as const;
export type HelpRequestStatus = (typeof HELP_REQUEST_STATUSES)[number];

export const helpRequestSchema = z.strictObject({
  id: uuidV7Schema,
  helpPointId: codeSchema,
  /** The kiosk that asked. */
  deviceId: z.string(),
  language: z.enum(LANGUAGES),
  errandId: z.nullable(codeSchema),
  status: z.enum(HELP_REQUEST_STATUSES),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;

/** GET answer: the open and accepted requests of the caller's help point, oldest first. */
export const helpRequestListSchema = z.strictObject({
  requests: z.array(helpRequestSchema),
});
export type HelpRequestList = z.infer<typeof helpRequestListSchema>;

/** POST create / accept / close answer: the request as it now stands. */
export const helpRequestResponseSchema = z.strictObject({ request: helpRequestSchema });

/**
 * GET `${TALLY_PATH}?from=<iso>&to=<iso>&utcOffsetMinutes=<n>` (staff devices only): the
 * questions the collector holds for the caller's help point between from and to (by the
 * question's helpedAt), counted like the report: the latest event of each record, none of a
 * withdrawn one, weighted by count. Hours are local hours ("00"–"23") at the given offset.
 */
export const TALLY_PATH = '/api/v1/tally';
export const helpPointTallySchema = z.strictObject({
  questions: z.int(),
  byTopic: z.record(z.string(), z.int()),
  byHour: z.record(z.string(), z.int()),
});
export type HelpPointTally = z.infer<typeof helpPointTallySchema>;
