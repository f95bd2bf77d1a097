/**
 * Wires the staff lock machine to the help point's PIN hash and to storage: the lockout state
 * is kept on the device, so reloading the page does not reset the count of wrong tries.
 */
import { useMemo } from 'react';
import { useMachine } from '@xstate/react';
import { fromPromise } from 'xstate';
import { staffLockMachine } from '../features/staff/pin/staff-lock-machine';
import { attemptUnlock, UNLOCKED, type UnlockResult } from '../features/staff/pin/pin-lockout';
import { staffSessionMs } from '../lib/kiosk-config-defaults';
import type { AppServices } from './services/app-services';

/**
 * The staff PIN check, with the lockout kept on the device: staff mode and re-enrolling an
 * enrolled device both go through it, so they share one count of wrong tries.
 */
export async function checkStaffPin(
  { config, storage }: Pick<AppServices, 'config' | 'storage'>,
  pin: string,
): Promise<UnlockResult> {
  const stored = config.current.staffPin;
  const data = await storage.open().catch(() => null);
  const state = (await data?.staffLockout()) ?? UNLOCKED;
  const result = await attemptUnlock(state, Date.now(), async () => {
    if (!stored) return false;
    // Loaded at the first try, not with the attract screen (its PIN schema brings zod).
    const { verifyPin } = await import('../lib/pin-hash');
    return verifyPin(pin, stored);
  });
  await data?.setStaffLockout(result.state);
  return result;
}

function staffLockFor(services: Pick<AppServices, 'config' | 'storage'>) {
  return staffLockMachine.provide({
    actors: {
      checkPin: fromPromise<UnlockResult, { pin: string }>(({ input }) =>
        checkStaffPin(services, input.pin),
      ),
    },
  });
}

export function useStaffLock(services: Pick<AppServices, 'config' | 'storage'>) {
  const machine = useMemo(() => staffLockFor(services), [services]);
  // The help point sets it (1–10 minutes, default 2); fixed for the page, as settings are.
  const [state, send] = useMachine(machine, {
    input: { staffSessionMs: staffSessionMs(services.config.current) },
  });
  return { state, send };
}
