/**
 * The log envelope: one versioned schema for every anonymous event a device produces.
 * The page, the service worker and the collector all validate against this module, so a
 * payload that could carry free text is rejected at the source, not discovered later.
 */
// zod/mini: the same schemas as zod, tree-shakable, so the kiosk's first screen stays small.
import { z } from 'zod/mini';
import {
  courseSessionDataSchema,
  errandViewedDataSchema,
  feedbackDataSchema,
  heartbeatDataSchema,
  lessonDataSchema,
  questionDataSchema,
  questionWithdrawnDataSchema,
  techTriedDataSchema,
  uuidV7Schema,
  visitDataSchema,
  codeSchema,
} from './payloads';
import { INSTANT_TIME_RULE, isRealInstant } from './times';

export const SCHEMA_VERSION = 1;

export { codeSchema, minuteTimestampSchema } from './payloads';

const envelopeBase = {
  id: uuidV7Schema,
  schemaVersion: z.literal(SCHEMA_VERSION),
  // A real instant (times.ts): z.iso.datetime() let year 0000 and 200-digit fractions through.
  occurredAt: z.string().check(z.refine(isRealInstant, INSTANT_TIME_RULE)),
  helpPointId: codeSchema,
  deviceId: uuidV7Schema,
};

function eventSchema<T extends string, D extends z.ZodMiniType>(type: T, data: D) {
  return z.strictObject({ ...envelopeBase, type: z.literal(type), data });
}

export const LOG_EVENT_TYPES = [
  'visit',
  'question',
  'question-withdrawn',
  'lesson',
  'course-session',
  'errand-viewed',
  'tech-tried',
  'feedback',
  'heartbeat',
] as const;

export const logEventSchema = z.discriminatedUnion('type', [
  eventSchema('visit', visitDataSchema),
  eventSchema('question', questionDataSchema),
  eventSchema('question-withdrawn', questionWithdrawnDataSchema),
  eventSchema('lesson', lessonDataSchema),
  eventSchema('course-session', courseSessionDataSchema),
  eventSchema('errand-viewed', errandViewedDataSchema),
  eventSchema('tech-tried', techTriedDataSchema),
  eventSchema('feedback', feedbackDataSchema),
  eventSchema('heartbeat', heartbeatDataSchema),
]);
export type LogEvent = z.infer<typeof logEventSchema>;
export type LogEventType = LogEvent['type'];
export type LogDataOf<T extends LogEventType> = Extract<LogEvent, { type: T }>['data'];
export type VisitData = LogDataOf<'visit'>;

export { toMinute } from './codes';

/** The payload fields of each type that hold a minute (the envelope's occurredAt is in every one). */
export const MINUTE_FIELDS: Readonly<Partial<Record<LogEventType, readonly string[]>>> = {
  visit: ['startedAt', 'endedAt'],
  question: ['helpedAt'],
  'course-session': ['heldAt'],
};

/** Every time an event carries, by path, for the collector's window check. */
export function eventTimes(event: LogEvent): { path: string; text: string }[] {
  const data = event.data as Record<string, unknown>;
  const minutes = (MINUTE_FIELDS[event.type] ?? []).map((field) => ({
    path: `data.${field}`,
    text: String(data[field]),
  }));
  return [{ path: 'occurredAt', text: event.occurredAt }, ...minutes];
}
