// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncScheduler } from '../../src/sync/sync-scheduler';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../../src/db/outbox-store';
import type { DrainOutcome } from '../../src/sync/drain-outbox';

function harness(outcomes: (DrainOutcome | 'busy')[], status: Partial<SyncStatus> = {}) {
  let online = true;
  const calls: number[] = [];
  const current: SyncStatus = { ...INITIAL_SYNC_STATUS, ...status };
  const scheduler = createSyncScheduler({
    isOnline: () => online,
    periodMs: 60_000,
    readStatus: async () => current,
    drain: async () => {
      calls.push(Date.now());
      return outcomes.shift() ?? { kind: 'done', acknowledged: 0, deadLettered: 0 };
    },
  });
  return { scheduler, calls, current, setOnline: (value: boolean) => (online = value) };
}

describe('sync scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('drains at start, on the online event and on the periodic timer', async () => {
    const { scheduler, calls } = harness([]);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
    scheduler.stop();
  });

  it('does not try while offline', async () => {
    const { scheduler, calls, setOnline } = harness([]);
    setOnline(false);
    expect(await scheduler.trigger('new-event')).toBe('offline');
    expect(calls).toHaveLength(0);
  });

  it('automatic triggers respect the backoff; online and manual do not', async () => {
    const { scheduler, calls } = harness([], { nextAttemptAt: Date.now() + 30_000 });
    expect(await scheduler.trigger('new-event')).toBe('backing-off');
    expect(await scheduler.trigger('periodic')).toBe('backing-off');
    expect(calls).toHaveLength(0);
    await scheduler.trigger('manual');
    await scheduler.trigger('online');
    expect(calls).toHaveLength(2);
  });

  it('retries by itself after the backoff delay of a failed drain', async () => {
    const { scheduler, calls } = harness([
      { kind: 'retry', delayMs: 5_000, reason: 'HTTP 503', acknowledged: 0 },
    ]);
    await scheduler.trigger('manual');
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
  });

  it('a trigger during a drain coalesces into exactly one follow-up drain', async () => {
    const { scheduler, calls } = harness([]);
    const first = scheduler.trigger('manual');
    const second = scheduler.trigger('new-event');
    const third = scheduler.trigger('new-event');
    await Promise.all([first, second, third]);
    expect(calls).toHaveLength(2);
  });
});

describe('sync scheduler follow-ups', () => {
  it('a fresh enrollment during a drain that needed one gets its own drain', async () => {
    const { scheduler, calls } = harness([{ kind: 'needs-enrollment', reason: 'HTTP 401' }]);
    const first = scheduler.trigger('start');
    const second = scheduler.trigger('manual');
    await Promise.all([first, second]);
    expect(calls).toHaveLength(2);
  });
});
