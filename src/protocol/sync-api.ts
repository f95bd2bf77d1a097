/**
 * The wire protocol between a device and the municipality's collector (docs/sync-protocol.md).
 * Shared by the page, the service worker and the collector so all three agree on limits,
 * result codes and status handling.
 */
import { z } from 'zod/mini';
import { DEVICE_TOKEN_PATTERN } from './codes';
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
} as const;
export type RejectionReason = (typeof REJECTION_REASONS)[keyof typeof REJECTION_REASONS];

const REJECTION_REASON_CODES: readonly string[] = Object.values(REJECTION_REASONS);

/** The known reason a per-event rejection starts with ("clock-out-of-range: …"), or null. */
export function rejectionReasonOf(reason: string): RejectionReason | null {
  const colon = reason.indexOf(':');
  const code = colon < 0 ? reason : reason.slice(0, colon);
  return REJECTION_REASON_CODES.includes(code) ? (code as RejectionReason) : null;
}

/** What an enrollment link or QR code carries (base64url JSON in the URL fragment #enroll=…). */
export const enrollmentSchema = z.strictObject({
  collectorUrl: z.url({ protocol: /^https?$/ }),
  helpPointId: codeSchema,
  deviceId: uuidV7Schema,
  token: z.string().check(z.regex(DEVICE_TOKEN_PATTERN, 'must be a device token')),
  role: z.enum(['kiosk', 'staff']),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const ENROLL_FRAGMENT = 'enroll=';

export function encodeEnrollment(enrollment: Enrollment): string {
  const json = JSON.stringify(enrollment);
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeEnrollment(encoded: string): Enrollment | null {
  try {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const parsed = enrollmentSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
