/**
 * Unlocking a kiosk's staff mode: a discreet control opens the PIN entry; a right PIN opens
 * staff mode until it has been left untouched for a while, when it locks again by itself
 * (or at once, on "lock").
 * Checking the PIN and keeping the lockout state are an injected actor, so the flow is
 * tested without WebCrypto timing or storage.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { UnlockResult } from './pin-lockout';

export interface StaffLockContext {
  staffSessionMs: number;
  problem:
    | { kind: 'wrong'; triesLeft: number; lockedMs: number }
    | { kind: 'locked'; lockedMs: number }
    | null;
  unlockedUntil: number | null;
}

export type StaffLockEvent =
  | { type: 'OPEN' }
  | { type: 'SUBMIT'; pin: string }
  | { type: 'CANCEL' }
  | { type: 'LOCK' }
  /** Staff touched the screen: the quiet spell before locking starts again. */
  | { type: 'ACTIVITY' };

export const staffLockMachine = setup({
  types: {
    context: {} as StaffLockContext,
    events: {} as StaffLockEvent,
    input: {} as { staffSessionMs: number },
  },
  actors: {
    /** Provided by the app: verifies against the configured hash and keeps the lockout state. */
    checkPin: fromPromise<UnlockResult, { pin: string }>(() =>
      Promise.reject(new Error('checkPin not provided')),
    ),
  },
  delays: {
    staffSession: ({ context }) => context.staffSessionMs,
  },
}).createMachine({
  id: 'staffLock',
  context: ({ input }) => ({
    staffSessionMs: input.staffSessionMs,
    problem: null,
    unlockedUntil: null,
  }),
  initial: 'locked',
  states: {
    locked: {
      entry: assign({ unlockedUntil: null }),
      on: { OPEN: { target: 'entering', actions: assign({ problem: null }) } },
    },
    entering: {
      on: {
        SUBMIT: 'checking',
        CANCEL: 'locked',
      },
    },
    checking: {
      invoke: {
        src: 'checkPin',
        input: ({ event }) => ({ pin: event.type === 'SUBMIT' ? event.pin : '' }),
        onDone: [
          {
            guard: ({ event }) => event.output.outcome === 'unlocked',
            target: 'unlocked',
            actions: assign({ problem: null }),
          },
          {
            target: 'entering',
            actions: assign({
              problem: ({ event }) =>
                event.output.outcome === 'wrong'
                  ? {
                      kind: 'wrong' as const,
                      triesLeft: event.output.triesLeft,
                      lockedMs: event.output.lockedMs,
                    }
                  : {
                      kind: 'locked' as const,
                      lockedMs: event.output.outcome === 'locked' ? event.output.lockedMs : 0,
                    },
            }),
          },
        ],
        onError: {
          target: 'entering',
          actions: assign({ problem: { kind: 'locked', lockedMs: 0 } }),
        },
      },
    },
    unlocked: {
      entry: assign({ unlockedUntil: ({ context }) => Date.now() + context.staffSessionMs }),
      after: { staffSession: 'locked' },
      on: { LOCK: 'locked', ACTIVITY: { target: 'unlocked', reenter: true } },
    },
  },
});
