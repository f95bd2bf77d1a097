/**
 * The `data` payload of each log type. Only fixed codes, bounded numbers, booleans and
 * minute-precision times: every schema is strict, so an extra field (a place where free
 * text could hide) is rejected, never silently dropped.
 */
import { z } from 'zod/mini';
import {
  AGENCIES,
  AREAS,
  CHANNELS,
  COURSE_ROLES,
  DOORS,
  EFFORT_LEVELS,
  ERRAND_CHOICES,
  FEEDBACK_ANSWERS,
  FEEDBACK_CONTEXTS,
  FOUND_BY,
  HELP_LANGUAGES,
  HELP_TOPICS,
  LANGUAGES,
  OBSTACLES,
  OUTCOMES,
  REFERRAL_TARGETS,
  SCORE_BANDS,
  SESSION_ENDINGS,
  TIME_SPENT,
} from './vocabulary';
import { APP_VERSION_PATTERN, codeSchema, minuteTimestampSchema, uuidV7Schema } from './codes';

export { codeSchema, minuteTimestampSchema, uuidV7Schema };

const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));

/** A heartbeat's codes: letters, digits, dots, dashes and brackets (a field path at most). */
const HEARTBEAT_CODE = /^[A-Za-z0-9.\-[\]]{1,80}$/;

/** The last error a device reports in its heartbeat: fixed codes only. */
export const HEARTBEAT_ERRORS = [
  'collector-unreachable',
  'collector-error',
  'needs-enrollment',
  'rate-limited',
  'storage-quota',
  'storage-unavailable',
  'storage-unknown',
] as const;
export type HeartbeatError = (typeof HEARTBEAT_ERRORS)[number];
const uniqueList = <T extends z.ZodMiniType>(item: T, min: number, max: number) =>
  z.array(item).check(
    z.minLength(min),
    z.maxLength(max),
    z.refine((list) => new Set(list).size === list.length, 'must not repeat a code'),
  );

export const visitDataSchema = z.strictObject({
  startedAt: minuteTimestampSchema,
  endedAt: minuteTimestampSchema,
  language: z.enum(LANGUAGES),
  doors: uniqueList(z.enum(DOORS), 0, DOORS.length),
  ending: z.enum(SESSION_ENDINGS),
  feedback: z.nullable(z.enum(FEEDBACK_ANSWERS)),
});

/** One visitor helped by staff (one record may tag several topics). */
export const questionDataSchema = z.strictObject({
  /** Groups the events of one record: corrections refer to it. */
  recordId: uuidV7Schema,
  helpedWith: uniqueList(z.enum(HELP_TOPICS), 1, HELP_TOPICS.length),
  area: z.nullable(z.enum(AREAS)),
  agency: z.nullable(z.enum(AGENCIES)),
  errandId: z.nullable(codeSchema),
  timeSpent: z.enum(TIME_SPENT),
  effort: z.nullable(z.literal(EFFORT_LEVELS)),
  obstacles: uniqueList(z.enum(OBSTACLES), 0, OBSTACLES.length),
  outcome: z.enum(OUTCOMES),
  referredTo: z.nullable(z.enum(REFERRAL_TARGETS)),
  language: z.enum(HELP_LANGUAGES),
  channel: z.enum(CHANNELS),
  /** The first three digits only, and only where the help point switches it on. */
  postcodeArea: z.nullable(z.string().check(z.regex(/^\d{3}$/, 'must be three digits'))),
  /** Catch-up entry: "6 printing questions this morning". */
  count: z.int().check(z.minimum(1), z.maximum(200)),
  /** When the help was given (backdating within the day), to the minute. */
  helpedAt: minuteTimestampSchema,
});

/**
 * Staff withdraw a record they tagged by mistake, after it may have been delivered: a new
 * event, never a silent change. The report leaves out every record that has one.
 */
export const questionWithdrawnDataSchema = z.strictObject({
  recordId: uuidV7Schema,
});

export const lessonDataSchema = z.strictObject({
  lessonId: codeSchema,
  stepsReached: count(50),
  stepsTotal: z.int().check(z.minimum(1), z.maximum(50)),
  completed: z.boolean(),
  scoreBand: z.enum(SCORE_BANDS),
  language: z.enum(LANGUAGES),
});

export const courseSessionDataSchema = z.strictObject({
  topic: codeSchema,
  heldAt: minuteTimestampSchema,
  attendees: count(500),
  newAttendees: count(500),
  languages: uniqueList(z.enum(HELP_LANGUAGES), 1, HELP_LANGUAGES.length),
  role: z.enum(COURSE_ROLES),
  /** How long the session lasted; the dashboard counts it as volunteer, staff or partner hours. */
  durationMinutes: z.optional(z.int().check(z.minimum(0), z.maximum(600))),
});

export const errandViewedDataSchema = z.strictObject({
  errandId: codeSchema,
  foundBy: z.enum(FOUND_BY),
  choice: z.enum(ERRAND_CHOICES),
  language: z.enum(LANGUAGES),
});

export const techTriedDataSchema = z.strictObject({
  itemId: codeSchema,
  language: z.enum(LANGUAGES),
});

export const feedbackDataSchema = z.strictObject({
  answer: z.enum(FEEDBACK_ANSWERS),
  context: z.enum(FEEDBACK_CONTEXTS),
  language: z.enum(LANGUAGES),
});

export const heartbeatDataSchema = z.strictObject({
  appVersion: z
    .string()
    .check(z.regex(APP_VERSION_PATTERN, 'must be a version: 1.2.3 or 1.2.3-rc.4')),
  queueDepth: count(10_000_000),
  deadLetters: count(10_000_000),
  storagePersisted: z.nullable(z.boolean()),
  // Issue 13 (fleet health): optional, so heartbeats from older app versions stay valid.
  /** The help point settings version this device applied, or null before any. */
  settingsVersion: z.optional(z.nullable(z.int().check(z.minimum(1)))),
  /** The last version it refused, and the field that failed ("config.idleSeconds"), or null. */
  settingsRefused: z.optional(
    z.nullable(
      z.strictObject({
        version: z.int().check(z.minimum(1)),
        reason: z.string().check(z.regex(HEARTBEAT_CODE, 'must be a field path or code')),
      }),
    ),
  ),
  /** Dead letters per rejection reason code (sync-api.ts REJECTION_REASONS, or "other"). */
  deadLettersByReason: z.optional(
    z
      .record(z.string().check(z.regex(HEARTBEAT_CODE, 'must be a code')), count(10_000_000))
      .check(z.refine((record) => Object.keys(record).length <= 16, 'at most 16 reasons')),
  ),
  storageUsedBytes: z.optional(z.nullable(count(Number.MAX_SAFE_INTEGER))),
  storageQuotaBytes: z.optional(z.nullable(count(Number.MAX_SAFE_INTEGER))),
  /** One of HEARTBEAT_ERRORS, never a message: a heartbeat carries no free text. */
  lastError: z.optional(z.nullable(z.enum(HEARTBEAT_ERRORS))),
  /** Collector clock minus device clock at the last answer, in whole seconds. */
  clockSkewSeconds: z.optional(
    z.nullable(z.int().check(z.minimum(-10 * 365 * 86_400), z.maximum(10 * 365 * 86_400))),
  ),
});
export type HeartbeatData = z.infer<typeof heartbeatDataSchema>;
