/**
 * Enrollment by link or QR code: `https://kiosk/#enroll=<base64url JSON>` carrying the
 * collector's URL and a one-time code, never a token. The fragment never reaches a server;
 * it is read once and removed from the address and history. A link to a collector that is
 * neither https: nor on this machine reads as invalid.
 */
import { decodeEnrollmentLink, ENROLL_FRAGMENT, type EnrollmentLink } from '../protocol/sync-api';

export type EnrollmentLinkResult =
  { status: 'none' } | { status: 'link'; link: EnrollmentLink } | { status: 'invalid' };

export function takeEnrollmentFromUrl(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
): EnrollmentLinkResult {
  const hash = location.hash.replace(/^#/, '');
  if (!hash.startsWith(ENROLL_FRAGMENT)) return { status: 'none' };
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  const link = decodeEnrollmentLink(hash.slice(ENROLL_FRAGMENT.length));
  return link ? { status: 'link', link } : { status: 'invalid' };
}
