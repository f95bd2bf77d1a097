/** The staff lock flow: PIN entry, wrong tries and lockout, and locking again by itself. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { staffLockMachine } from '../../src/features/staff/pin/staff-lock-machine';
import { DEFAULT_KIOSK_CONFIG, parseKioskConfig, staffSessionMs } from '../../src/lib/kiosk-config';
import {
  attemptUnlock,
  UNLOCKED,
  type LockoutState,
  type UnlockResult,
} from '../../src/features/staff/pin/pin-lockout';

function start(rightPin: string, staffSessionMs = 10 * 60_000) {
  let stored: LockoutState = UNLOCKED;
  const actor = createActor(
    staffLockMachine.provide({
      actors: {
        checkPin: fromPromise<UnlockResult, { pin: string }>(async ({ input }) => {
          const result = await attemptUnlock(
            stored,
            Date.now(),
            async () => input.pin === rightPin,
          );
          stored = result.state;
          return result;
        }),
      },
    }),
    { input: { staffSessionMs } },
  ).start();
  return actor;
}

describe('the staff lock', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-21T10:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('unlocks with the right PIN and locks again by itself after ten minutes', async () => {
    const actor = start('2580');
    actor.send({ type: 'OPEN' });
    actor.send({ type: 'SUBMIT', pin: '2580' });
    await waitFor(actor, (snapshot) => snapshot.matches('unlocked'));
    expect(actor.getSnapshot().context.unlockedUntil).toBe(Date.now() + 10 * 60_000);
    vi.advanceTimersByTime(10 * 60_000 - 1);
    expect(actor.getSnapshot().matches('unlocked')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().matches('locked')).toBe(true);
  });

  it('counts wrong tries, then locks the PIN out even for the right one', async () => {
    const actor = start('2580');
    actor.send({ type: 'OPEN' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      actor.send({ type: 'SUBMIT', pin: '1111' });
      await waitFor(actor, (snapshot) => snapshot.matches('entering'));
    }
    expect(actor.getSnapshot().context.problem).toEqual({
      kind: 'wrong',
      triesLeft: 0,
      lockedMs: 30_000,
    });
    actor.send({ type: 'SUBMIT', pin: '2580' });
    await waitFor(actor, (snapshot) => snapshot.matches('entering'));
    expect(actor.getSnapshot().context.problem).toEqual({ kind: 'locked', lockedMs: 30_000 });
    vi.advanceTimersByTime(30_000);
    actor.send({ type: 'SUBMIT', pin: '2580' });
    await waitFor(actor, (snapshot) => snapshot.matches('unlocked'));
    actor.send({ type: 'LOCK' });
    expect(actor.getSnapshot().matches('locked')).toBe(true);
  });

  it('locks after 2 minutes without a touch by default, a touch starting the quiet spell again', async () => {
    const actor = start('470318', staffSessionMs(DEFAULT_KIOSK_CONFIG));
    actor.send({ type: 'OPEN' });
    actor.send({ type: 'SUBMIT', pin: '470318' });
    await waitFor(actor, (snapshot) => snapshot.matches('unlocked'));
    vi.advanceTimersByTime(2 * 60_000 - 1000);
    actor.send({ type: 'ACTIVITY' });
    vi.advanceTimersByTime(2 * 60_000 - 1);
    expect(actor.getSnapshot().matches('unlocked')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().matches('locked')).toBe(true);
  });

  it('a help point sets 1 to 10 minutes, and nothing outside that', async () => {
    for (const minutes of [1, 10]) {
      const parsed = parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, staffLockMinutes: minutes });
      if (!parsed.ok) throw new Error(parsed.reason);
      const actor = start('470318', staffSessionMs(parsed.config));
      actor.send({ type: 'OPEN' });
      actor.send({ type: 'SUBMIT', pin: '470318' });
      await waitFor(actor, (snapshot) => snapshot.matches('unlocked'));
      vi.advanceTimersByTime(minutes * 60_000 - 1);
      expect(actor.getSnapshot().matches('unlocked')).toBe(true);
      vi.advanceTimersByTime(1);
      expect(actor.getSnapshot().matches('locked')).toBe(true);
    }
    for (const minutes of [0, 11, 2.5, '5']) {
      const parsed = parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, staffLockMinutes: minutes });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/^staffLockMinutes/);
    }
  });
});
