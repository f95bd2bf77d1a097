/**
 * Wires the staff lock machine to the help point's PIN hash and to storage: the lockout state
 * is kept in IndexedDB, so reloading the page does not reset the count of wrong tries.
 */
import { useMemo } from 'react';
import { useMachine } from '@xstate/react';
import { fromPromise } from 'xstate';
import { staffLockMachine } from '../features/staff/pin/staff-lock-machine';
import {
  attemptUnlock,
  UNLOCKED,
  type LockoutState,
  type UnlockResult,
} from '../features/staff/pin/pin-lockout';
import { verifyPin } from '../lib/pin-hash';
import type { Runtime } from './runtime';

const LOCKOUT_KEY = 'staffPin.lockout';
/** How long staff mode stays open on a kiosk before it locks again by itself. */
export const STAFF_SESSION_MS = 10 * 60_000;

function staffLockFor(runtime: Runtime) {
  return staffLockMachine.provide({
    actors: {
      checkPin: fromPromise<UnlockResult, { pin: string }>(async ({ input }) => {
        const stored = runtime.config.staffPin;
        const data = await runtime.localData().catch(() => null);
        const state = (await data?.readMeta<LockoutState>(LOCKOUT_KEY)) ?? UNLOCKED;
        const result = await attemptUnlock(state, Date.now(), async () =>
          stored ? verifyPin(input.pin, stored) : false,
        );
        await data?.writeMeta(LOCKOUT_KEY, result.state);
        return result;
      }),
    },
  });
}

export function useStaffLock(runtime: Runtime) {
  const machine = useMemo(() => staffLockFor(runtime), [runtime]);
  const [state, send] = useMachine(machine, { input: { staffSessionMs: STAFF_SESSION_MS } });
  return { state, send };
}
