/**
 * The wire protocol between a device and the municipality's collector (docs/sync-protocol.md).
 * Shared by the page, the service worker and the collector so all three agree on limits,
 * result codes and status handling.
 */
import { z } from 'zod/mini';
import { DEVICE_TOKEN_PATTERN } from './codes';
import { isAllowedCollectorUrl } from './collector-url';
import { codeSchema, uuidV7Schema } from './payloads';

export const EVENTS_PATH = '/api/v1/events';

/** A batch holds at most this many events… */
export const MAX_BATCH_EVENTS = 500;
/** …and at most this many bytes of JSON body. */
export const MAX_BATCH_BYTES = 256 * 1024;

/** POST /api/v1/events body. Events are validated one by one, so one bad event does not sink the batch. */
export const eventBatchSchema = z.strictObject({
  events: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH_EVENTS)),
});

export const EVENT_RESULT_STATUSES = ['accepted', 'duplicate', 'rejected'] as const;
export type EventResultStatus = (typeof EVENT_RESULT_STATUSES)[number];

/** One result per submitted event, in the same order. */
export const eventResultSchema = z.strictObject({
  index: z.int(),
  id: z.nullable(z.string()),
  status: z.enum(EVENT_RESULT_STATUSES),
  reason: z.optional(z.string()),
});
export type EventResult = z.infer<typeof eventResultSchema>;

export const eventBatchResponseSchema = z.strictObject({
  receivedAt: z.iso.datetime(),
  results: z.array(eventResultSchema),
});
export type EventBatchResponse = z.infer<typeof eventBatchResponseSchema>;

/** Every error answer has this shape, whatever the status code. */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const ERROR_CODES = {
  malformed: 'malformed-request',
  tooLarge: 'payload-too-large',
  unsupportedMediaType: 'unsupported-media-type',
  methodNotAllowed: 'method-not-allowed',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  conflict: 'conflict',
  rateLimited: 'rate-limited',
  notFound: 'not-found',
  internal: 'internal-error',
  /** POST /api/v1/enroll: the code was exchanged before (410)… */
  enrollmentCodeUsed: 'enrollment-code-used',
  /** …or its time ran out (410)… */
  enrollmentCodeExpired: 'enrollment-code-expired',
  /** …or the collector never made it (404). */
  enrollmentCodeUnknown: 'enrollment-code-unknown',
} as const;

/** Reasons a single event is rejected (result.reason starts with one of these). */
export const REJECTION_REASONS = {
  invalid: 'invalid-event',
  helpPointMismatch: 'help-point-mismatch',
  unsupportedSchema: 'unsupported-schema-version',
  /** A time that is no calendar instant (2026-13-45T99:99Z, year 0000, 200 fraction digits). */
  malformedTime: 'malformed-time',
  /** A real time outside 2000-01-01 … receive time + 24 h: the device's clock is wrong. */
  clockOutOfRange: 'clock-out-of-range',
  /** An errand, lesson, Testa item or course topic the collector does not know. */
  unknownCode: 'unknown-code',
  /** The envelope's deviceId is not the delivering device's own. */
  foreignDevice: 'foreign-device',
  /** A correction or withdrawal of a record another device (or no device here) made. */
  notOwnRecord: 'not-own-record',
} as const;
export type RejectionReason = (typeof REJECTION_REASONS)[keyof typeof REJECTION_REASONS];

const REJECTION_REASON_CODES: readonly string[] = Object.values(REJECTION_REASONS);

/** The known reason a per-event rejection starts with ("clock-out-of-range: …"), or null. */
export function rejectionReasonOf(reason: string): RejectionReason | null {
  const colon = reason.indexOf(':');
  const code = colon < 0 ? reason : reason.slice(0, colon);
  return REJECTION_REASON_CODES.includes(code) ? (code as RejectionReason) : null;
}

const collectorUrlSchema = z
  .string()
  .check(z.refine(isAllowedCollectorUrl, 'must be an https: URL (http: only for a loopback host)'));

/**
 * What an enrolled device keeps in IndexedDB: where to deliver and the token that proves
 * who it is. The token comes only from POST /api/v1/enroll, never from a link.
 */
export const enrollmentSchema = z.strictObject({
  collectorUrl: collectorUrlSchema,
  helpPointId: codeSchema,
  deviceId: uuidV7Schema,
  token: z.string().check(z.regex(DEVICE_TOKEN_PATTERN, 'must be a device token')),
  role: z.enum(['kiosk', 'staff']),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const ENROLL_PATH = '/api/v1/enroll';

/** A one-time enrollment code: 32 random bytes, base64url (256 bits). */
export const ENROLLMENT_CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * What an enrollment link or QR code carries (base64url JSON in the URL fragment #enroll=…):
 * the collector to ask and a one-time code, valid for a day by default.
 */
export const enrollmentLinkSchema = z.strictObject({
  collectorUrl: collectorUrlSchema,
  code: z.string().check(z.regex(ENROLLMENT_CODE_PATTERN, 'must be an enrollment code')),
});
export type EnrollmentLink = z.infer<typeof enrollmentLinkSchema>;

/** POST /api/v1/enroll body, and its 200 answer. */
export const enrollRequestSchema = z.strictObject({ code: enrollmentLinkSchema.shape.code });
export const enrollResponseSchema = z.strictObject({ enrollment: enrollmentSchema });
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export { ENROLL_FRAGMENT } from './enroll-fragment';

export function encodeEnrollmentLink(link: EnrollmentLink): string {
  const json = JSON.stringify(link);
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeEnrollmentLink(encoded: string): EnrollmentLink | null {
  try {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const parsed = enrollmentLinkSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
