/**
 * Only one drain at a time across every tab and the service worker: a Web Lock named for the
 * outbox. If another context holds it, this one skips (that drain will empty the queue).
 * Where Web Locks are missing, an in-context flag still prevents overlapping drains here,
 * and the collector's dedup keeps any cross-context overlap harmless.
 */
export const DRAIN_LOCK_NAME = 'hjalppunkt-outbox-drain';

let drainingHere = false;

export async function withDrainLock<T>(run: () => Promise<T>): Promise<T | 'busy'> {
  // Present in windows and workers alike (Navigator / WorkerNavigator).
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) {
    return locks.request(DRAIN_LOCK_NAME, { ifAvailable: true }, async (lock) =>
      lock ? run() : ('busy' as const),
    );
  }
  if (drainingHere) return 'busy';
  drainingHere = true;
  try {
    return await run();
  } finally {
    drainingHere = false;
  }
}
