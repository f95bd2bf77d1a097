/**
 * Enrollment by link or QR code: `https://kiosk/#enroll=<base64url JSON>` carrying the
 * collector's URL and a one-time code, never a token. The fragment never reaches a server;
 * it is read once and removed from the address and history. A link to a collector that is
 * neither https: nor on this machine reads as invalid.
 */
import { decodeEnrollmentLink, type EnrollmentLink } from '../protocol/sync-api';
import { takeEnrollmentFragment } from './enrollment-fragment';

export type EnrollmentLinkResult =
  { status: 'none' } | { status: 'link'; link: EnrollmentLink } | { status: 'invalid' };

/** Checks a fragment taken from the address (null: there was none). */
export function readEnrollmentFragment(encoded: string | null): EnrollmentLinkResult {
  if (encoded === null) return { status: 'none' };
  const link = decodeEnrollmentLink(encoded);
  return link ? { status: 'link', link } : { status: 'invalid' };
}

export function takeEnrollmentFromUrl(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
): EnrollmentLinkResult {
  return readEnrollmentFragment(takeEnrollmentFragment(location, history));
}
