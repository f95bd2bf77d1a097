/**
 * Wrong PINs: five tries are free, then each further failure locks the PIN for longer (30 s,
 * 1 min, 2 min … up to an hour). The state is kept in the device's storage so a reload does
 * not reset it. While locked, a PIN is not even checked.
 */
export const FREE_TRIES = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;

export interface LockoutState {
  failures: number;
  lockedUntil: number | null;
}

export const UNLOCKED: LockoutState = { failures: 0, lockedUntil: null };

export function remainingLockMs(state: LockoutState, now: number): number {
  return state.lockedUntil === null ? 0 : Math.max(0, state.lockedUntil - now);
}

export function afterWrongPin(state: LockoutState, now: number): LockoutState {
  const failures = state.failures + 1;
  if (failures < FREE_TRIES) return { failures, lockedUntil: null };
  const lockMs = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_TRIES));
  return { failures, lockedUntil: now + lockMs };
}

export type UnlockResult =
  | { outcome: 'unlocked'; state: LockoutState }
  | { outcome: 'wrong'; state: LockoutState; triesLeft: number; lockedMs: number }
  | { outcome: 'locked'; state: LockoutState; lockedMs: number };

/** One attempt: refuses without checking while locked; a right PIN clears the failures. */
export async function attemptUnlock(
  state: LockoutState,
  now: number,
  check: () => Promise<boolean>,
): Promise<UnlockResult> {
  const lockedMs = remainingLockMs(state, now);
  if (lockedMs > 0) return { outcome: 'locked', state, lockedMs };
  if (await check()) return { outcome: 'unlocked', state: UNLOCKED };
  const next = afterWrongPin(state, now);
  return {
    outcome: 'wrong',
    state: next,
    triesLeft: Math.max(0, FREE_TRIES - next.failures),
    lockedMs: remainingLockMs(next, now),
  };
}
