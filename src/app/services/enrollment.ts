/**
 * Enrollment links (`#enroll=`): the one the page opened with, and any opened later on a
 * running kiosk (which only changes the fragment). A valid link is stored, the device's
 * identity read again, the screens told (a staff tablet turns into the staff app), and what
 * waited in the outbox delivered.
 */
import { takeEnrollmentFromUrl, type EnrollmentLinkResult } from '../../sync/enrollment-link';
import type { IdentityService } from './identity';
import type { StorageService } from './storage';
import type { SyncService } from './sync';

export interface EnrollmentService {
  /** What the last link said (it is removed from the address once read). */
  link(): EnrollmentLinkResult;
  subscribe(listener: () => void): () => void;
  /** Applies the link the page opened with; false when there was no valid one. */
  applyStartupLink(): Promise<boolean>;
}

export function createEnrollmentService(deps: {
  startupLink: EnrollmentLinkResult;
  storage: StorageService;
  identity: IdentityService;
  sync: SyncService;
}): EnrollmentService {
  const { storage, identity, sync } = deps;
  let link = deps.startupLink;
  const listeners = new Set<() => void>();
  const tell = () => listeners.forEach((listener) => listener());

  const apply = async (next: EnrollmentLinkResult): Promise<boolean> => {
    if (next.status !== 'valid') return false;
    await (await storage.open()).outbox.writeEnrollment(next.enrollment);
    identity.forget();
    // The role may have changed (a staff tablet opens in staff mode).
    tell();
    // Deliver what waited, now that the device knows where to send it.
    await (await sync.controller()).trigger('manual');
    return true;
  };

  window.addEventListener('hashchange', () => {
    const next = takeEnrollmentFromUrl(window.location, window.history);
    if (next.status === 'none') return;
    link = next;
    tell();
    void apply(next).catch((error: unknown) => console.error('enrollment failed', error));
  });

  return {
    link: () => link,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    applyStartupLink: () => apply(link),
  };
}
