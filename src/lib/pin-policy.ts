/**
 * Which PINs the collector refuses to set: too short, or among the first a thief would try.
 * People pick patterns (a repeated digit, a run, a repeated pair or triple, a year), so the
 * patterns are refused as well as a short list of the most common six-digit PINs.
 */
import { PIN_MAX_DIGITS, PIN_MIN_DIGITS } from './pin-hash';

/** The most common six-digit PINs in published PIN studies that no pattern below covers. */
const COMMON_PINS = new Set([
  '123456',
  '654321',
  '123123',
  '112233',
  '121212',
  '696969',
  '159753',
  '147258',
  '258369',
  '159357',
  '142536',
  '101010',
  '131313',
  '520520',
  '123654',
  '123321',
  '789456',
  '246810',
  '102030',
  '112358',
]);

export type WeakPinReason =
  | 'not-digits'
  | 'too-short'
  | 'too-long'
  | 'common'
  | 'same-digit'
  | 'sequence'
  | 'repeated-pattern';

function isStraightSequence(pin: string): boolean {
  const digits = [...pin].map(Number);
  const step = (digits[1] ?? 0) - (digits[0] ?? 0);
  if (step !== 1 && step !== -1) return false;
  // Wrapping round (…8 9 0 1…) counts as a run too.
  return digits.every(
    (digit, index) => index === 0 || (digit - (digits[index - 1] ?? 0) - step) % 10 === 0,
  );
}

/** A pin made of one short block repeated (121212, 123123, 12341234) or doubled digits (112233). */
function isRepeatedPattern(pin: string): boolean {
  for (let size = 1; size <= pin.length / 2; size += 1) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin)
      return true;
  }
  const pairs = pin.match(/(\d)\1/g);
  return pin.length % 2 === 0 && (pairs?.length ?? 0) === pin.length / 2;
}

/** Null when the PIN may be set; else why not (a fixed code, never the PIN). */
export function weakPinReason(pin: string): WeakPinReason | null {
  if (!/^\d+$/.test(pin)) return 'not-digits';
  if (pin.length < PIN_MIN_DIGITS) return 'too-short';
  if (pin.length > PIN_MAX_DIGITS) return 'too-long';
  if (/^(\d)\1*$/.test(pin)) return 'same-digit';
  if (isStraightSequence(pin)) return 'sequence';
  if (COMMON_PINS.has(pin)) return 'common';
  if (isRepeatedPattern(pin)) return 'repeated-pattern';
  return null;
}

export const WEAK_PIN_MESSAGES: Readonly<Record<WeakPinReason, string>> = {
  'not-digits': 'The PIN must be digits only.',
  'too-short': `The PIN must have at least ${PIN_MIN_DIGITS} digits.`,
  'too-long': `The PIN must have at most ${PIN_MAX_DIGITS} digits.`,
  common: 'That PIN is among the most common PINs: choose another PIN.',
  'same-digit': 'A PIN of one repeated digit is guessed first: choose another PIN.',
  sequence: 'A straight run of digits is guessed first: choose another PIN.',
  'repeated-pattern': 'A repeated pattern of digits is guessed first: choose another PIN.',
};
