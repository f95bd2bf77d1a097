/**
 * The help point's configuration: who it is, where the staffed desk is, when help is staffed,
 * and the kiosk's timings. A municipality edits `kiosk-config.json`; an invalid file is refused
 * with a clear message and the last good configuration (or the built-in defaults) stays in use.
 */
import { z } from 'zod/mini';
import { DROP_IN_AGENCIES } from './agency-hours';
import { describeIssues } from './schema-errors';
import { pinHashSchema } from './pin-hash';
import { codeSchema } from '../protocol/codes';
import { displayTextSchema } from '../protocol/display-text';
import { LANGUAGES } from '../protocol/vocabulary';
import { DEFAULT_KIOSK_CONFIG, WEEKDAYS, type ConfigLoadResult } from './kiosk-config-defaults';

// What the first screen needs without the schemas (so without zod) lives in the defaults module.
export * from './kiosk-config-defaults';

const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'));
const localisedText = z
  .partialRecord(z.enum(LANGUAGES), displayTextSchema(300))
  .check(z.refine((texts) => Boolean(texts.sv), 'needs at least a Swedish (sv) text'));

export const kioskConfigSchema = z.strictObject({
  helpPointId: codeSchema,
  helpPointName: displayTextSchema(120),
  /** The municipality responsible for the service, named in the accessibility statement. */
  ownerName: displayTextSchema(120),
  deskLocation: localisedText,
  staffedHours: z
    .array(
      z.strictObject({
        days: z.array(z.enum(WEEKDAYS)).check(z.minLength(1)),
        from: clockTime,
        to: clockTime,
      }),
    )
    .check(z.maxLength(14)),
  /** When agencies hold drop-in hours here (issue 13); shown to visitors with the staffed hours. */
  agencyHours: z.optional(
    z
      .array(
        z
          .strictObject({
            agency: z.enum(DROP_IN_AGENCIES),
            days: z.array(z.enum(WEEKDAYS)).check(z.minLength(1)),
            from: clockTime,
            to: clockTime,
          })
          .check(z.refine((row) => row.from < row.to, 'from must be before to, the same day')),
      )
      .check(z.maxLength(30)),
  ),
  /** Seconds without a touch, key or pointer event before the visitor is warned. */
  idleSeconds: z.int().check(z.minimum(20), z.maximum(1800)),
  /** The visible countdown; WCAG 2.2.1 and the brief ask for at least 20 s, we require 30. */
  warningSeconds: z.int().check(z.minimum(30), z.maximum(600)),
  /** A kiosk never navigates, so it looks for a new version on this timer. */
  updateCheckMinutes: z.int().check(z.minimum(1), z.maximum(24 * 60)),
  /** The periodic sync timer (Background Sync and the online event usually come first). */
  syncPeriodSeconds: z.int().check(z.minimum(5), z.maximum(24 * 60 * 60)),
  /** Acknowledged logs stay on the device this long, for the staff's own statistics. */
  logRetentionDays: z.int().check(z.minimum(1), z.maximum(366)),
  /** Logs the collector refused (dead letters) are deleted after this many days. */
  deadLetterRetentionDays: z._default(z.int().check(z.minimum(1), z.maximum(3660)), 90),
  /**
   * May a visitor open an e-service on the kiosk itself? Off by default: the QR code and the
   * staff keep logins off a public terminal. When on, the visitor is warned first.
   */
  openEServiceOnKiosk: z.optional(z.boolean()),
  /**
   * The idle limit while the e-service window the kiosk opened is open: the kiosk sees no
   * touches made in that window, so the usual idleSeconds would end the visit mid-form.
   */
  eServiceIdleMinutes: z._default(z.int().check(z.minimum(1), z.maximum(60)), 15),
  /** Testa's technology this help point has, in its order (ids from content/testa/items.json). */
  testaItems: z.optional(z.array(codeSchema).check(z.maxLength(40))),
  /**
   * The help point's staff PIN verifier (a salted PBKDF2 hash), never the PIN. Only the
   * collector's settings carry it (`npm run collector:help-point -- pin <id>`): the public
   * kiosk-config.json never does. Without it, a kiosk's staff mode cannot be unlocked.
   */
  staffPin: z.optional(pinHashSchema),
  /** Staff mode on a kiosk locks after this many minutes without a touch (default 2). */
  staffLockMinutes: z.optional(z.int().check(z.minimum(1), z.maximum(10))),
  /**
   * Lets staff note a visitor's home postcode area (the first three digits only) on a
   * question, for the municipality's map of where visitors come from. Off unless set.
   */
  askPostcodeArea: z.optional(z.boolean()),
  accessibilityContact: z.strictObject({
    email: z.email(),
    phone: z.string().check(z.regex(/^[0-9 +\-()]{3,30}$/, 'must be a phone number')),
  }),
});
export type KioskConfig = z.infer<typeof kioskConfigSchema>;

/** Validates raw JSON; on failure explains which field is wrong, in words an IT officer can act on. */
export function parseKioskConfig(
  raw: unknown,
): { ok: true; config: KioskConfig } | { ok: false; reason: string } {
  const result = kioskConfigSchema.safeParse(raw);
  if (result.success) return { ok: true, config: result.data };
  const reason = describeIssues(result.error.issues);
  return { ok: false, reason };
}

export interface ConfigSources {
  fetchConfig: () => Promise<unknown>;
  readLastGood: () => Promise<unknown>;
  saveLastGood: (config: KioskConfig) => Promise<void>;
}

/** Loads the configuration, falling back to the last good one, then to the defaults. */
export async function loadKioskConfig(sources: ConfigSources): Promise<ConfigLoadResult> {
  const fallback = async (): Promise<KioskConfig> => {
    const stored = await sources.readLastGood().catch(() => undefined);
    const parsed = stored === undefined ? null : parseKioskConfig(stored);
    return parsed?.ok ? parsed.config : DEFAULT_KIOSK_CONFIG;
  };

  let raw: unknown;
  try {
    raw = await sources.fetchConfig();
  } catch {
    return { status: 'unreachable', config: await fallback() };
  }
  const parsed = parseKioskConfig(raw);
  if (!parsed.ok) return { status: 'refused', config: await fallback(), reason: parsed.reason };
  await sources.saveLastGood(parsed.config).catch(() => undefined);
  return { status: 'loaded', config: parsed.config };
}
