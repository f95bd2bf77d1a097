/**
 * The service worker's side of sync: on a Background Sync event, drain the outbox with the
 * same engine and lock as the page. A drain that must retry rejects, so the browser
 * schedules the sync event again with its own backoff.
 */
import { HjalppunktDatabase } from '../db/database';
import { createOutboxStore } from '../db/outbox-store';
import { drainOutbox } from './drain-outbox';
import { withDrainLock } from './drain-lock';
import { fetchTransport } from './transport';

export { OUTBOX_SYNC_TAG } from './worker-drain-tag';

let store: ReturnType<typeof createOutboxStore> | null = null;

export async function drainFromWorker(): Promise<void> {
  store ??= createOutboxStore(new HjalppunktDatabase());
  const outbox = store;
  const outcome = await withDrainLock(() =>
    drainOutbox({ store: outbox, transportFor: (url, token) => fetchTransport(url, token) }),
  );
  if (outcome !== 'busy' && outcome.kind === 'retry') {
    throw new Error(`outbox not drained yet: ${outcome.reason}`);
  }
}
