/**
 * Display texts (help point names, desk locations, opening notes) are the only free text the
 * system holds, and it is written by staff, never by visitors. They still refuse control
 * characters and bidirectional overrides: an override can make a name read differently on
 * screen from what is stored ("Trojan Source"), and a control character can break a log line.
 */
import { z } from 'zod/mini';

/** C0/C1 controls, line and paragraph separators, and the bidi embedding/override/isolate marks. */
export const FORBIDDEN_DISPLAY_CHARACTERS = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export function isCleanDisplayText(text: string): boolean {
  return !FORBIDDEN_DISPLAY_CHARACTERS.test(text);
}

/** A trimmed, non-empty display text of at most `maxLength` characters, with nothing hidden in it. */
export function displayTextSchema(maxLength = 120) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(maxLength),
      z.refine(isCleanDisplayText, 'must not hold control or bidi-override characters'),
    );
}
