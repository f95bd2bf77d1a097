/**
 * Only one drain at a time across every tab and the service worker: a Web Lock named for the
 * outbox. If another context holds it, a drain skips (that drain will empty the queue).
 * Staff corrections take the same lock but wait for it: a record must not be changed while a
 * batch holding it is in flight, or the collector would keep the old version unnoticed.
 * Where Web Locks are missing, an in-context mutex gives the same guarantees within this
 * context, and the collector's dedup keeps any cross-context overlap harmless.
 */
export const DRAIN_LOCK_NAME = 'hjalppunkt-outbox-drain';

let heldHere = false;
let queueHere: Promise<unknown> = Promise.resolve();

function lockManager(): LockManager | undefined {
  // Present in windows and workers alike (Navigator / WorkerNavigator).
  return (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
}

async function holdHere<T>(run: () => Promise<T>): Promise<T> {
  heldHere = true;
  try {
    return await run();
  } finally {
    heldHere = false;
  }
}

export async function withDrainLock<T>(run: () => Promise<T>): Promise<T | 'busy'> {
  const locks = lockManager();
  if (locks) {
    return locks.request(DRAIN_LOCK_NAME, { ifAvailable: true }, async (lock) =>
      lock ? run() : ('busy' as const),
    );
  }
  if (heldHere) return 'busy';
  const result = holdHere(run);
  queueHere = result.catch(() => undefined);
  return result;
}

/** Waits until no drain is in flight, then runs `run` with the outbox to itself. */
export async function withOutboxExclusive<T>(run: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  if (locks) return locks.request(DRAIN_LOCK_NAME, () => run());
  const previous = queueHere;
  const result = previous.then(async () => {
    while (heldHere) await new Promise((resolve) => setTimeout(resolve, 5));
    return holdHere(run);
  });
  queueHere = result.catch(() => undefined);
  return result;
}
