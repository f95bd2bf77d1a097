/**
 * Enrolling a device, in two steps. The admin endpoint, the CLI and startCollector().enroll
 * make a one-time code (32 random bytes; only its hash is stored) and a link carrying it; the
 * device exchanges the code once at POST /api/v1/enroll for a server-made UUIDv7 and a random
 * token. The token exists only in that one answer and in the device's IndexedDB: never in a
 * link, a QR code, the terminal, a file or a log.
 */
import QRCode from 'qrcode';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod/mini';
import { isAllowedCollectorUrl } from '../../src/protocol/collector-url';
import { displayTextSchema } from '../../src/protocol/display-text';
import { codeSchema } from '../../src/protocol/events';
import {
  ENROLL_FRAGMENT,
  encodeEnrollmentLink,
  enrollmentSchema,
  type Enrollment,
  type EnrollmentLink,
} from '../../src/protocol/sync-api';
import { setHelpPointMunicipality } from './dashboard/admin-accounts';
import { municipalityName } from './dashboard/municipalities';
import type { CollectorStore } from './store/collector-store';
import { generateToken, hashToken } from './tokens';

/** How long a code stays valid unless configured otherwise. */
export const DEFAULT_ENROLLMENT_CODE_TTL_MS = 24 * 60 * 60_000;
/** At most a week: a link is meant to be opened the day it is handed over. */
export const MAX_ENROLLMENT_CODE_TTL_MS = 7 * 24 * 60 * 60_000;

const httpUrl = z.url({ protocol: /^https?$/ });
const collectorUrl = z
  .string()
  .check(
    z.refine(isAllowedCollectorUrl, 'must be https: (http: only for 127.0.0.1, ::1, localhost)'),
  );

export const enrollmentInputSchema = z.strictObject({
  helpPointId: codeSchema,
  helpPointName: z.optional(displayTextSchema(120)),
  role: z.optional(z.enum(['kiosk', 'staff'])),
  /** The help point's municipality (an SCB code), set with the code. */
  municipalityCode: z.optional(
    z.string().check(z.refine((code) => municipalityName(code) !== null, 'not an SCB code')),
  ),
  kioskUrl: httpUrl,
  collectorUrl,
});
export type EnrollmentInput = z.input<typeof enrollmentInputSchema>;

export class EnrollmentInputError extends Error {}

export interface EnrollmentCode {
  /** The kiosk URL with #enroll=<collector URL and code>: open it on the device once. */
  link: string;
  /** The one-time code the link carries (not a token: it opens nothing until exchanged). */
  code: string;
  expiresAt: Date;
  helpPointId: string;
  role: 'kiosk' | 'staff';
}

/** `<kioskUrl>/#enroll=<encoded>`, with the kiosk URL's own fragment and trailing slashes dropped. */
export function enrollmentLink(kioskUrl: string, link: EnrollmentLink): string {
  const base = kioskUrl.split('#')[0]?.replace(/\/+$/, '') ?? '';
  return `${base}/#${ENROLL_FRAGMENT}${encodeEnrollmentLink(link)}`;
}

/** Throws EnrollmentInputError naming the first bad field (never echoing its value). */
export function validateEnrollmentInput(input: unknown): z.output<typeof enrollmentInputSchema> {
  const parsed = enrollmentInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const field = issue?.path.map(String).join('.') || 'body';
  if (issue?.code === 'unrecognized_keys')
    throw new EnrollmentInputError(`unexpected field in ${field}`);
  throw new EnrollmentInputError(
    field === 'collectorUrl' ? `invalid ${field}: ${issue?.message}` : `invalid ${field}`,
  );
}

export function validateCodeTtl(ttlMs: number): number {
  if (!Number.isInteger(ttlMs) || ttlMs < 60_000 || ttlMs > MAX_ENROLLMENT_CODE_TTL_MS) {
    throw new RangeError('the enrollment code lifetime must be between 1 minute and 7 days');
  }
  return ttlMs;
}

export async function createEnrollmentCode(
  stores: Pick<CollectorStore, 'enrollments'> & Partial<Pick<CollectorStore, 'accounts'>>,
  input: EnrollmentInput,
  options: { ttlMs?: number; now?: Date } = {},
): Promise<EnrollmentCode> {
  const {
    helpPointId,
    helpPointName,
    role = 'kiosk',
    kioskUrl,
    municipalityCode,
    ...rest
  } = validateEnrollmentInput(input);
  if (municipalityCode !== undefined && !stores.accounts) {
    throw new Error('createEnrollmentCode: a municipality needs the account store');
  }
  const now = options.now ?? new Date();
  const expiresAt = new Date(
    now.getTime() + validateCodeTtl(options.ttlMs ?? DEFAULT_ENROLLMENT_CODE_TTL_MS),
  );
  const code = generateToken();
  const collector = rest.collectorUrl.replace(/\/+$/, '');
  await stores.enrollments.createCode({
    codeHash: hashToken(code),
    helpPointId,
    ...(helpPointName === undefined ? {} : { helpPointName }),
    role,
    collectorUrl: collector,
    createdAt: now,
    expiresAt,
  });
  // The help point exists now (createCode made it if it was new).
  if (municipalityCode !== undefined && stores.accounts) {
    await setHelpPointMunicipality({ accounts: stores.accounts }, helpPointId, municipalityCode);
  }
  return {
    link: enrollmentLink(kioskUrl, { collectorUrl: collector, code }),
    code,
    expiresAt,
    helpPointId,
    role,
  };
}

export type ExchangeResult =
  { outcome: 'enrolled'; enrollment: Enrollment } | { outcome: 'used' | 'expired' | 'unknown' };

/** Exchanges a code, once, for a new device and its token. */
export async function exchangeEnrollmentCode(
  stores: Pick<CollectorStore, 'enrollments'>,
  code: string,
  now: Date,
): Promise<ExchangeResult> {
  const token = generateToken();
  const deviceId = uuidv7();
  const result = await stores.enrollments.exchange(hashToken(code), now, {
    id: deviceId,
    tokenHash: hashToken(token),
  });
  if (result.outcome !== 'enrolled') return result;
  return {
    outcome: 'enrolled',
    enrollment: enrollmentSchema.parse({
      collectorUrl: result.collectorUrl,
      helpPointId: result.helpPointId,
      deviceId,
      token,
      role: result.role,
    }),
  };
}

export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export function qrTerminal(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
}
