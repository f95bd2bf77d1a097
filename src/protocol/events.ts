/**
 * The log envelope: one versioned schema for every anonymous event a device produces.
 * The page, the service worker and the collector all validate against this module, so a
 * payload that could carry free text is rejected at the source, not discovered later.
 */
// zod/mini: the same schemas as zod, tree-shakable, so the kiosk's first screen stays small.
import { z } from 'zod/mini';
import { DOORS, FEEDBACK_ANSWERS, LANGUAGES, SESSION_ENDINGS } from './vocabulary';

export const SCHEMA_VERSION = 1;

/** Lower-case slug used for help-point and other configured ids: never free text. */
export const codeSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a lower-case code'));

const uuidV7Schema = z
  .string()
  .check(
    z.regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      'must be a UUIDv7',
    ),
  );

/** Minute precision is all the statistics need, and it makes a visit harder to single out. */
export const minuteTimestampSchema = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/, 'must be an ISO time with minute precision'));

export const visitDataSchema = z.strictObject({
  startedAt: minuteTimestampSchema,
  endedAt: minuteTimestampSchema,
  language: z.enum(LANGUAGES),
  doors: z.array(z.enum(DOORS)).check(z.maxLength(DOORS.length)),
  ending: z.enum(SESSION_ENDINGS),
  feedback: z.nullable(z.enum(FEEDBACK_ANSWERS)),
});
export type VisitData = z.infer<typeof visitDataSchema>;

const envelopeBase = {
  id: uuidV7Schema,
  schemaVersion: z.literal(SCHEMA_VERSION),
  occurredAt: z.iso.datetime(),
  helpPointId: codeSchema,
  deviceId: uuidV7Schema,
};

export const visitEventSchema = z.strictObject({
  ...envelopeBase,
  type: z.literal('visit'),
  data: visitDataSchema,
});

export const logEventSchema = z.discriminatedUnion('type', [visitEventSchema]);
export type LogEvent = z.infer<typeof logEventSchema>;
export type LogEventType = LogEvent['type'];
export type LogDataOf<T extends LogEventType> = Extract<LogEvent, { type: T }>['data'];

/** Truncates a time to the minute, in UTC, as the envelope's minute fields require. */
export function toMinute(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16) + 'Z';
}
