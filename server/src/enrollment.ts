/**
 * Enrolling a device: the admin endpoint, the CLI and startCollector().enroll all come here.
 * The device gets a server-made UUIDv7 and a random token; only the token's hash is stored,
 * and the token itself leaves the collector exactly once, inside the enrollment link.
 */
import QRCode from 'qrcode';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod/mini';
import { codeSchema } from '../../src/protocol/events';
import {
  ENROLL_FRAGMENT,
  encodeEnrollment,
  enrollmentSchema,
  type Enrollment,
} from '../../src/protocol/sync-api';
import type { DeviceStore } from './store/device-store';
import { generateToken, hashToken } from './tokens';

const httpUrl = z.url({ protocol: /^https?$/ });

export const enrollmentInputSchema = z.strictObject({
  helpPointId: codeSchema,
  helpPointName: z.optional(
    z
      .string()
      .check(z.trim(), z.minLength(1), z.maxLength(120), z.regex(/^[^\p{Cc}]*$/u, 'no control')),
  ),
  role: z.optional(z.enum(['kiosk', 'staff'])),
  kioskUrl: httpUrl,
  collectorUrl: httpUrl,
});
export type EnrollmentInput = z.input<typeof enrollmentInputSchema>;

export class EnrollmentInputError extends Error {}

export interface EnrollmentResult {
  enrollment: Enrollment;
  link: string;
}

/** `<kioskUrl>/#enroll=<encoded>`, with the kiosk URL's own fragment and trailing slashes dropped. */
export function enrollmentLink(kioskUrl: string, enrollment: Enrollment): string {
  const base = kioskUrl.split('#')[0]?.replace(/\/+$/, '') ?? '';
  return `${base}/#${ENROLL_FRAGMENT}${encodeEnrollment(enrollment)}`;
}

/** Throws EnrollmentInputError naming the first bad field (never echoing its value). */
export function validateEnrollmentInput(input: unknown): z.output<typeof enrollmentInputSchema> {
  const parsed = enrollmentInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const field = issue?.path.map(String).join('.') || 'body';
  throw new EnrollmentInputError(
    issue?.code === 'unrecognized_keys' ? `unexpected field in ${field}` : `invalid ${field}`,
  );
}

export async function enrollDevice(
  devices: DeviceStore,
  input: EnrollmentInput,
): Promise<EnrollmentResult> {
  const {
    helpPointId,
    helpPointName,
    role = 'kiosk',
    kioskUrl,
    collectorUrl,
  } = validateEnrollmentInput(input);
  const token = generateToken();
  const enrollment = enrollmentSchema.parse({
    collectorUrl: collectorUrl.replace(/\/+$/, ''),
    helpPointId,
    deviceId: uuidv7(),
    token,
    role,
  });
  await devices.create({
    id: enrollment.deviceId,
    helpPointId,
    ...(helpPointName === undefined ? {} : { helpPointName }),
    role,
    tokenHash: hashToken(token),
  });
  return { enrollment, link: enrollmentLink(kioskUrl, enrollment) };
}

export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export function qrTerminal(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
}
