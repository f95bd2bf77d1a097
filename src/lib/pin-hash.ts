/**
 * The staff PIN is stored only as a salted PBKDF2-SHA256 hash (WebCrypto, in the page and in
 * Node alike), set per help point in its configuration. The PIN itself is never stored,
 * logged or sent; comparing hashes takes the same time whatever matches.
 */
import { z } from 'zod/mini';

export const PIN_ITERATIONS = 600_000; // OWASP's 2023 figure for PBKDF2-HMAC-SHA256

/** At least 6 digits: 10^6 guesses instead of 10^4, with the lockout on top (docs/security.md). */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;
export const pinSchema = z
  .string()
  .check(z.regex(/^\d{6,12}$/, `must be ${PIN_MIN_DIGITS}–${PIN_MAX_DIGITS} digits`));

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'));
export const pinHashSchema = z.strictObject({
  algorithm: z.literal('PBKDF2-SHA256'),
  iterations: z.int().check(z.minimum(100_000), z.maximum(5_000_000)),
  salt: base64,
  hash: base64,
});
export type PinHash = z.infer<typeof pinHashSchema>;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) =>
  Uint8Array.from(atob(text), (character) => character.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  pinSchema.parse(pin);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: toBase64(salt),
    hash: toBase64(await derive(pin, salt, iterations)),
  };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (!pinSchema.safeParse(pin).success) return false;
  const expected = fromBase64(stored.hash);
  const actual = await derive(pin, fromBase64(stored.salt), stored.iterations);
  if (actual.length !== expected.length) return false;
  let difference = 0;
  actual.forEach((byte, index) => {
    difference |= byte ^ (expected[index] ?? 0);
  });
  return difference === 0;
}
