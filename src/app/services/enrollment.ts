/**
 * Enrollment links (`#enroll=`): the one the page opened with, and any opened later on a
 * running kiosk (which only changes the fragment). A link carries a collector URL and a
 * one-time code; the device exchanges the code for its token, once.
 *  - Not yet enrolled: the code is exchanged at once.
 *  - Already enrolled: nothing changes until staff confirm with the PIN, having seen the new
 *    collector's host name (a visitor cannot move a kiosk to another collector).
 *  - Offline (or the collector unreachable): the code is kept in IndexedDB and exchanged when
 *    the network is back, so a librarian can open the link and walk away; the attract screen
 *    says that it waits. Logs keep queueing meanwhile, as before any enrollment.
 * On success the enrollment is stored, what was queued is bound to the new device id, the
 * screens are told (a staff tablet turns into the staff app), and the outbox is delivered.
 */
import { collectorHost } from '../../protocol/collector-url';
import type { EnrollmentLink } from '../../protocol/sync-api';
import { exchangeCode } from '../../sync/enrollment-exchange';
import { takeEnrollmentFromUrl, type EnrollmentLinkResult } from '../../sync/enrollment-link';
import type { IdentityService } from './identity';
import type { StorageService } from './storage';
import type { SyncService } from './sync';

export type EnrollmentState =
  | { status: 'none' }
  /** The link cannot be read, or names a collector that is neither https: nor local. */
  | { status: 'invalid' }
  /** An enrolled device: staff must confirm the switch with the PIN. */
  | { status: 'confirm'; host: string; currentHost: string; helpPointId: string }
  | { status: 'exchanging' }
  /** Offline or unreachable: the code is kept and exchanged when the network is back. */
  | { status: 'waiting'; host: string }
  | { status: 'enrolled'; helpPointId: string }
  | { status: 'used' }
  | { status: 'expired' }
  | { status: 'refused' };

export interface EnrollmentService {
  /** What the last link led to, for the attract screen's notices and the confirm dialog. */
  state(): EnrollmentState;
  subscribe(listener: () => void): () => void;
  /** Applies the link the page opened with, or a code kept from offline; true if it enrolled. */
  applyStartupLink(): Promise<boolean>;
  /** Staff gave the right PIN: switch to the link waiting for confirmation. */
  confirm(): Promise<void>;
  /** Staff kept the current enrollment. */
  cancel(): void;
}

/** While a code waits for the network, it is tried again this often (and on `online`). */
const RETRY_MS = 60_000;

export function createEnrollmentService(deps: {
  startupLink: EnrollmentLinkResult;
  storage: StorageService;
  identity: IdentityService;
  sync: SyncService;
}): EnrollmentService {
  const { storage, identity, sync } = deps;
  let state: EnrollmentState = { status: 'none' };
  let awaitingConfirmation: EnrollmentLink | null = null;
  let retryTimer: number | null = null;
  let running: Promise<boolean> = Promise.resolve(false);
  const listeners = new Set<() => void>();
  const set = (next: EnrollmentState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };

  const stopRetrying = () => {
    if (retryTimer !== null) window.clearInterval(retryTimer);
    retryTimer = null;
  };

  const exchange = async (link: EnrollmentLink): Promise<boolean> => {
    const data = await storage.open();
    set({ status: 'exchanging' });
    const outcome = navigator.onLine ? await exchangeCode(link) : { kind: 'unreachable' as const };
    if (outcome.kind === 'unreachable') {
      await data.outbox.writePendingEnrollment(link);
      set({ status: 'waiting', host: collectorHost(link.collectorUrl) });
      retryTimer ??= window.setInterval(() => void retryPending(), RETRY_MS);
      return false;
    }
    stopRetrying();
    if (outcome.kind !== 'enrolled') {
      // The code is spent or was never good: keeping it would only fail again.
      await data.outbox.writePendingEnrollment(null);
      set({ status: outcome.kind });
      return false;
    }
    await data.outbox.writeEnrollment(outcome.enrollment);
    identity.forget();
    // A log whose identity was read before forget() may have landed meanwhile: bind it too.
    await data.outbox.bindQueuedEvents(outcome.enrollment.deviceId);
    set({ status: 'enrolled', helpPointId: outcome.enrollment.helpPointId });
    // Deliver what waited, now that the device knows where to send it.
    await (await sync.controller()).trigger('manual');
    return true;
  };

  /** One exchange at a time: the startup link, a new link and a retry never overlap. */
  const serially = (task: () => Promise<boolean>): Promise<boolean> => {
    running = running.catch(() => false).then(task);
    return running;
  };

  const retryPending = () =>
    serially(async () => {
      const pending = await (await storage.open()).outbox.readPendingEnrollment();
      return pending ? exchange(pending) : false;
    });

  const apply = (next: EnrollmentLinkResult): Promise<boolean> =>
    serially(async () => {
      if (next.status === 'none') return false;
      if (next.status === 'invalid') {
        set({ status: 'invalid' });
        return false;
      }
      const current = await (await storage.open()).outbox.readEnrollment();
      if (current) {
        awaitingConfirmation = next.link;
        set({
          status: 'confirm',
          host: collectorHost(next.link.collectorUrl),
          currentHost: collectorHost(current.collectorUrl),
          helpPointId: current.helpPointId,
        });
        return false;
      }
      return exchange(next.link);
    });

  window.addEventListener('hashchange', () => {
    const next = takeEnrollmentFromUrl(window.location, window.history);
    if (next.status === 'none') return;
    void apply(next).catch((error: unknown) => console.error('enrollment failed', error));
  });
  window.addEventListener('online', () => {
    if (state.status === 'waiting') void retryPending().catch(() => false);
  });

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async applyStartupLink() {
      if (deps.startupLink.status !== 'none') return apply(deps.startupLink);
      return retryPending();
    },
    async confirm() {
      const link = awaitingConfirmation;
      awaitingConfirmation = null;
      if (link) await serially(() => exchange(link));
    },
    cancel() {
      awaitingConfirmation = null;
      set({ status: 'none' });
    },
  };
}
