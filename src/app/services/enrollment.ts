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
 * The flow itself is src/sync/enrollment-machine.ts; this wires it to storage and the window.
 */
import { createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import { collectorHost } from '../../protocol/collector-url';
import type { EnrollmentLink } from '../../protocol/sync-api';
import type { EnrollmentLinkResult } from '../../sync/enrollment-link';
import { takeEnrollmentFragment } from '../../sync/enrollment-fragment';
import { enrollmentMachine, type SettledExchange } from '../../sync/enrollment-machine';
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

const SETTLED = ['idle', 'invalid', 'confirm', 'waiting', 'enrolled', 'used', 'expired', 'refused'];

function toState(snapshot: SnapshotFrom<typeof enrollmentMachine>): EnrollmentState {
  const { link, helpPointId, currentCollectorUrl } = snapshot.context;
  const host = link ? collectorHost(link.collectorUrl) : '';
  switch (snapshot.value) {
    case 'invalid':
    case 'used':
    case 'expired':
    case 'refused':
      return { status: snapshot.value };
    case 'confirm':
      return {
        status: 'confirm',
        host,
        currentHost: collectorHost(currentCollectorUrl ?? ''),
        helpPointId: helpPointId ?? '',
      };
    case 'checking':
    case 'exchanging':
    case 'retrying':
      return { status: 'exchanging' };
    case 'waiting':
      return { status: 'waiting', host };
    case 'enrolled':
      return { status: 'enrolled', helpPointId: helpPointId ?? '' };
    default:
      return { status: 'none' };
  }
}

export function createEnrollmentService(deps: {
  /** The link's fragment, taken from the address at start and not yet checked; null: none. */
  startupLink: string | null;
  storage: StorageService;
  identity: IdentityService;
  sync: SyncService;
}): EnrollmentService {
  const { storage, identity, sync } = deps;

  const exchange = async (link: EnrollmentLink): Promise<SettledExchange> => {
    const data = await storage.open();
    // The exchange and the link's check load when a link arrives: they bring the schemas (zod).
    const { exchangeCode } = await import('../../sync/enrollment-exchange');
    const outcome = navigator.onLine ? await exchangeCode(link) : { kind: 'unreachable' as const };
    if (outcome.kind === 'unreachable') {
      await data.outbox.writePendingEnrollment(link);
      return outcome;
    }
    if (outcome.kind !== 'enrolled') {
      // The code is spent or was never good: keeping it would only fail again.
      await data.outbox.writePendingEnrollment(null);
      return outcome;
    }
    await data.outbox.writeEnrollment(outcome.enrollment);
    identity.forget();
    // A log whose identity was read before forget() may have landed meanwhile: bind it too.
    await data.outbox.bindQueuedEvents(outcome.enrollment.deviceId);
    // Deliver what waited, now that the device knows where to send it.
    void (async () => (await sync.controller()).trigger('manual'))().catch(() => undefined);
    return { kind: 'enrolled', helpPointId: outcome.enrollment.helpPointId };
  };

  const actor = createActor(
    enrollmentMachine.provide({
      actors: {
        readCurrent: fromPromise(async () => {
          const current = await (await storage.open()).outbox.readEnrollment();
          return current
            ? { helpPointId: current.helpPointId, collectorUrl: current.collectorUrl }
            : null;
        }),
        exchange: fromPromise<SettledExchange, { link: EnrollmentLink }>(({ input }) =>
          exchange(input.link),
        ),
        readPending: fromPromise(async () => (await storage.open()).outbox.readPendingEnrollment()),
      },
    }),
  );
  let state: EnrollmentState = { status: 'none' };
  const listeners = new Set<() => void>();
  let retryTimer: number | null = null;
  actor.subscribe((snapshot) => {
    const next = toState(snapshot);
    // Kept when unchanged, so useSyncExternalStore sees a stable value.
    if (JSON.stringify(next) !== JSON.stringify(state)) {
      state = next;
      listeners.forEach((listener) => listener());
    }
    if (snapshot.value === 'waiting') {
      retryTimer ??= window.setInterval(() => actor.send({ type: 'RETRY' }), RETRY_MS);
    } else if (retryTimer !== null) {
      window.clearInterval(retryTimer);
      retryTimer = null;
    }
  });
  actor.start();

  const send = (link: EnrollmentLinkResult) => {
    if (link.status === 'link') actor.send({ type: 'LINK', link: link.link });
    else if (link.status === 'invalid') actor.send({ type: 'INVALID' });
  };

  const check = async (encoded: string | null) =>
    (await import('../../sync/enrollment-link')).readEnrollmentFragment(encoded);

  window.addEventListener('hashchange', () => {
    const encoded = takeEnrollmentFragment(window.location, window.history);
    if (encoded !== null) void check(encoded).then(send);
  });
  window.addEventListener('online', () => actor.send({ type: 'RETRY' }));

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async applyStartupLink() {
      if (deps.startupLink === null) actor.send({ type: 'RETRY' });
      else send(await check(deps.startupLink));
      const settled = await waitFor(actor, (snapshot) => SETTLED.includes(String(snapshot.value)));
      return settled.value === 'enrolled';
    },
    async confirm() {
      actor.send({ type: 'CONFIRM' });
      await waitFor(actor, (snapshot) => SETTLED.includes(String(snapshot.value)));
    },
    cancel() {
      actor.send({ type: 'CANCEL' });
    },
  };
}
