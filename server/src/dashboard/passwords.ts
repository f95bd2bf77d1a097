/**
 * Dashboard passwords: argon2id (@node-rs/argon2's defaults: m=19456 KiB, t=2, p=1, about
 * 200 ms here), at least 12 characters. Login verifies against a dummy hash when the email is
 * unknown, so an unknown email and a wrong password take the same time.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
/** Hashing cost grows with length; nobody types more than this. */
export const MAX_PASSWORD_LENGTH = 256;
/** Argon2id: @node-rs/argon2's Algorithm.Argon2id (a const enum, so spelled out here). */
const ARGON2ID = 2;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim().length === 0) return 'not only spaces';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A damaged hash opens nothing.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** A hash of a random password nobody knows, made once per process. */
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(24).toString('base64url')));
}
