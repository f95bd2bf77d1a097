/**
 * Dashboard sessions. The cookie holds a random 256-bit id; the database keeps only its
 * SHA-256, so a copy of the database opens no session. The CSRF token is derived from the id
 * (a SHA-256 under its own label), so it needs no storage, differs from what is stored, and
 * is worthless without the cookie it belongs to.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashToken } from '../tokens';

export const SESSION_COOKIE = 'hp_session';
/** The cookie goes to /admin (the dashboard and its API) and nowhere else. */
export const SESSION_COOKIE_PATH = '/admin';
export const CSRF_HEADER = 'x-csrf-token';
export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;
export const DEFAULT_SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;

const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** null for anything that cannot be a session id: no database look-up for it. */
export function sessionIdHash(sessionId: string | undefined): string | null {
  return sessionId && SESSION_ID_PATTERN.test(sessionId) ? hashToken(sessionId) : null;
}

export function csrfTokenFor(sessionId: string): string {
  return createHash('sha256').update(`hp-csrf:${sessionId}`, 'utf8').digest('base64url');
}

export function csrfTokenMatches(sessionId: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length > 100) return false;
  const expected = Buffer.from(csrfTokenFor(sessionId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** HttpOnly (no script reads it), Secure, SameSite=Strict, only under /admin. */
export function sessionCookieOptions(maxAgeMs: number) {
  return {
    httpOnly: true,
    secure: true,
    sameSite: 'strict' as const,
    path: SESSION_COOKIE_PATH,
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}
