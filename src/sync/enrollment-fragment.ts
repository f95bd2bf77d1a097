/**
 * Takes an enrollment link's fragment from the address at once (so it never stays in the
 * address or history), without checking it: the check (enrollment-link.ts) needs the link's
 * schema, which loads behind the attract screen.
 */
import { ENROLL_FRAGMENT } from '../protocol/enroll-fragment';

/** The encoded link, removed from the address; null when the address carries none. */
export function takeEnrollmentFragment(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
): string | null {
  const hash = location.hash.replace(/^#/, '');
  if (!hash.startsWith(ENROLL_FRAGMENT)) return null;
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  return hash.slice(ENROLL_FRAGMENT.length);
}
