/**
 * The enrollment flow on a device, from a link's one-time code to an enrollment:
 *  - a link on a device with no enrollment is exchanged at once;
 *  - on an enrolled device it waits in `confirm` until staff confirm (with the PIN, checked
 *    by the app) or cancel;
 *  - an exchange that cannot reach the collector waits (the code kept in storage) until
 *    RETRY (coming online, a timer, the next start);
 *  - used, expired and refused links end there, and say so.
 * Reading the current enrollment, exchanging (and storing what it brings) and reading a kept
 * code are injected actors, so every path is tested without a network or storage.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { EnrollmentLink } from '../protocol/sync-api';
import type { ExchangeOutcome } from './enrollment-exchange';

export interface EnrollmentContext {
  link: EnrollmentLink | null;
  /** Enrolled: the new help point. Confirm: the current one. */
  helpPointId: string | null;
  /** Confirm: where the device delivers now. */
  currentCollectorUrl: string | null;
}

export type EnrollmentEvent =
  | { type: 'LINK'; link: EnrollmentLink }
  | { type: 'INVALID' }
  | { type: 'CONFIRM' }
  | { type: 'CANCEL' }
  | { type: 'RETRY' };

/** What the exchange actor settles on; 'enrolled' carries the enrolled help point. */
export type SettledExchange =
  | { kind: 'enrolled'; helpPointId: string }
  | { kind: Exclude<ExchangeOutcome['kind'], 'enrolled'> };

const outcome =
  (kind: SettledExchange['kind']) =>
  ({ event }: { event: { output: SettledExchange } }) =>
    event.output.kind === kind;

export const enrollmentMachine = setup({
  types: {
    context: {} as EnrollmentContext,
    events: {} as EnrollmentEvent,
  },
  actors: {
    /** The stored enrollment's help point and collector, or null when not enrolled. */
    readCurrent: fromPromise<{ helpPointId: string; collectorUrl: string } | null>(() =>
      Promise.reject(new Error('readCurrent not provided')),
    ),
    /** Exchanges the code and stores the result (or keeps the code when unreachable). */
    exchange: fromPromise<SettledExchange, { link: EnrollmentLink }>(() =>
      Promise.reject(new Error('exchange not provided')),
    ),
    /** A code kept from an earlier, unreachable exchange. */
    readPending: fromPromise<EnrollmentLink | null>(() =>
      Promise.reject(new Error('readPending not provided')),
    ),
  },
}).createMachine({
  id: 'enrollment',
  context: { link: null, helpPointId: null, currentCollectorUrl: null },
  initial: 'idle',
  on: {
    LINK: { target: '.checking', actions: assign({ link: ({ event }) => event.link }) },
    INVALID: '.invalid',
  },
  states: {
    idle: { on: { RETRY: 'retrying' } },
    invalid: {},
    checking: {
      invoke: {
        src: 'readCurrent',
        onDone: [
          {
            guard: ({ event }) => event.output !== null,
            target: 'confirm',
            actions: assign({
              helpPointId: ({ event }) => event.output?.helpPointId ?? null,
              currentCollectorUrl: ({ event }) => event.output?.collectorUrl ?? null,
            }),
          },
          { target: 'exchanging' },
        ],
        onError: 'exchanging',
      },
    },
    confirm: {
      on: {
        CONFIRM: 'exchanging',
        CANCEL: { target: 'idle', actions: assign({ link: null }) },
      },
    },
    retrying: {
      invoke: {
        src: 'readPending',
        onDone: [
          {
            guard: ({ event }) => event.output !== null,
            target: 'exchanging',
            actions: assign({ link: ({ event }) => event.output }),
          },
          { target: 'idle' },
        ],
        onError: 'idle',
      },
    },
    exchanging: {
      invoke: {
        src: 'exchange',
        input: ({ context }) => {
          if (!context.link) throw new Error('no link to exchange');
          return { link: context.link };
        },
        onDone: [
          {
            guard: outcome('enrolled'),
            target: 'enrolled',
            actions: assign({
              helpPointId: ({ event }) =>
                event.output.kind === 'enrolled' ? event.output.helpPointId : null,
            }),
          },
          { guard: outcome('used'), target: 'used' },
          { guard: outcome('expired'), target: 'expired' },
          { guard: outcome('refused'), target: 'refused' },
          { target: 'waiting' },
        ],
        // Storage failed mid-way: nothing was stored, so the code may still be good.
        onError: 'waiting',
      },
    },
    waiting: { on: { RETRY: 'exchanging' } },
    enrolled: {},
    used: {},
    expired: {},
    refused: {},
  },
});
