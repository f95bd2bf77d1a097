/**
 * Enrollment by link or QR code: `https://kiosk/#enroll=<base64url JSON>`. The fragment never
 * reaches a server; it is read once at start-up and removed from the address and history,
 * so the device token does not linger where a visitor could see it.
 */
import { decodeEnrollment, ENROLL_FRAGMENT, type Enrollment } from '../protocol/sync-api';

export type EnrollmentLinkResult =
  { status: 'none' } | { status: 'valid'; enrollment: Enrollment } | { status: 'invalid' };

export function takeEnrollmentFromUrl(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
): EnrollmentLinkResult {
  const hash = location.hash.replace(/^#/, '');
  if (!hash.startsWith(ENROLL_FRAGMENT)) return { status: 'none' };
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  const enrollment = decodeEnrollment(hash.slice(ENROLL_FRAGMENT.length));
  return enrollment ? { status: 'valid', enrollment } : { status: 'invalid' };
}
