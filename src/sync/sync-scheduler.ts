/**
 * When the page drains the outbox: at start, when the browser comes online, on a periodic
 * timer, when a new log is written, on the staff's "sync now", and when a backoff timer
 * expires. Automatic triggers respect the backoff (nextAttemptAt); start, online and manual
 * do not. Overlapping triggers coalesce into one follow-up drain.
 */
import type { SyncStatus } from '../db/outbox-store';
import type { DrainOutcome } from './drain-outbox';

export type SyncTrigger = 'start' | 'online' | 'periodic' | 'new-event' | 'manual' | 'retry-timer';
export type TriggerResult = DrainOutcome | 'busy' | 'offline' | 'backing-off';

const BYPASS_BACKOFF: ReadonlySet<SyncTrigger> = new Set([
  'start',
  'online',
  'manual',
  'retry-timer',
]);

export interface SchedulerDeps {
  /** One drain under the cross-context lock; 'busy' when another context is draining. */
  drain: () => Promise<DrainOutcome | 'busy'>;
  readStatus: () => Promise<SyncStatus>;
  isOnline: () => boolean;
  periodMs: number;
  now?: () => number;
  onSettled?: (result: TriggerResult) => void;
}

export interface SyncScheduler {
  start(): void;
  stop(): void;
  trigger(reason: SyncTrigger): Promise<TriggerResult>;
}

export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  const now = deps.now ?? Date.now;
  let running: Promise<DrainOutcome | 'busy'> | null = null;
  let followUp = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let periodicTimer: ReturnType<typeof setInterval> | undefined;
  const onOnline = () => void trigger('online');

  async function run(): Promise<DrainOutcome | 'busy'> {
    const outcome = await deps.drain();
    if (outcome !== 'busy' && outcome.kind === 'retry') {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void trigger('retry-timer'), outcome.delayMs);
    }
    return outcome;
  }

  async function trigger(reason: SyncTrigger): Promise<TriggerResult> {
    if (!deps.isOnline()) return settle('offline');
    if (!BYPASS_BACKOFF.has(reason)) {
      const { nextAttemptAt } = await deps.readStatus();
      if (nextAttemptAt !== null && nextAttemptAt > now()) return settle('backing-off');
    }
    if (running) {
      // Something new arrived mid-drain: make sure one more drain follows this one.
      followUp = true;
      return running;
    }
    running = (async () => {
      try {
        let result = await run();
        // Follow up after any outcome but a retry (its timer handles that): a trigger that
        // arrived mid-drain may carry news, such as a new event or a fresh enrollment.
        while (followUp && result !== 'busy' && result.kind !== 'retry') {
          followUp = false;
          result = await run();
        }
        return result;
      } finally {
        followUp = false;
        running = null;
      }
    })();
    return settle(await running);
  }

  function settle(result: TriggerResult): TriggerResult {
    deps.onSettled?.(result);
    return result;
  }

  return {
    start() {
      window.addEventListener('online', onOnline);
      periodicTimer = setInterval(() => void trigger('periodic'), deps.periodMs);
      void trigger('start');
    },
    stop() {
      window.removeEventListener('online', onOnline);
      clearInterval(periodicTimer);
      clearTimeout(retryTimer);
    },
    trigger,
  };
}
