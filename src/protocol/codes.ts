/**
 * The smallest shared building blocks of the protocol, in their own module so that code which
 * only needs a code pattern (the kiosk configuration) does not pull in every payload schema.
 */
import { z } from 'zod/mini';
import { MINUTE_TIME_RULE, isRealMinute } from './times';

// In times.ts (no zod), so that the kiosk's visit log does not load the schemas.
export { toMinute } from './times';

/**
 * Lower-case slug used for help-point, errand, lesson and item ids: never free text. A run
 * of six or more digits is refused too, so a personal identity number (ÅÅMMDD-NNNN) cannot
 * pass for a code.
 */
export const codeSchema = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a lower-case code'),
  z.refine((code) => !/\d{6}/.test(code), 'must not hold a long number'),
);

export const uuidV7Schema = z
  .string()
  .check(
    z.regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      'must be a UUIDv7',
    ),
  );

/**
 * What a build may call itself (vite.config.ts refuses any other HJALPPUNKT_VERSION), and so
 * all a heartbeat's appVersion may hold: a release (1.2.3) or a release candidate
 * (1.2.3-rc.4). No free text, so no name can ride in it. Not a git hash either: a hash can
 * hold ten decimal digits in a row, which a personal identity number could hide in.
 */
export const APP_VERSION_PATTERN = /^\d{1,4}\.\d{1,4}\.\d{1,4}(?:-rc\.\d{1,3})?$/;

/**
 * The shape enrollment gives a device token (base64url of random bytes): the enrollment link
 * is checked against it, and the collector looks up nothing that does not match it.
 */
export const DEVICE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

/**
 * Minute precision is all the statistics need, and it makes a visit harder to single out.
 * A real calendar minute (times.ts), not only the pattern: 2026-13-45T99:99Z is refused.
 */
export const minuteTimestampSchema = z.string().check(z.refine(isRealMinute, MINUTE_TIME_RULE));
