/**
 * The Testa flow: the list of technology and demos, an item's how-to card, or a demo. Each
 * item or demo a visitor opens is logged once per visit as `tech-tried` (fixed ids only).
 */
import { assign, enqueueActions, fromPromise, setup } from 'xstate';
import type { LoadedItems } from '../items/load-items';
import type { Demo } from '../items/testa-schema';
import type { LanguageCode } from '../../../protocol/vocabulary';

export interface TestaContext {
  language: LanguageCode;
  items: LoadedItems | null;
  itemId: string | null;
  demo: Demo | null;
  tried: string[];
}

export type TestaEvent =
  | { type: 'OPEN_ITEM'; itemId: string }
  | { type: 'OPEN_DEMO'; demo: Demo }
  | { type: 'BACK' }
  | { type: 'RETRY' };

export const testaMachine = setup({
  types: {
    context: {} as TestaContext,
    events: {} as TestaEvent,
    input: {} as { language: LanguageCode },
  },
  actors: {
    loadItems: fromPromise<LoadedItems, { language: LanguageCode }>(() =>
      Promise.reject(new Error('loadItems not provided')),
    ),
  },
  actions: {
    /** Provided by the screen: stores one `tech-tried` log. */
    recordTried: (_, _params: { itemId: string }) => undefined,
    openDemo: assign(({ event }) =>
      event.type === 'OPEN_DEMO' ? { itemId: event.demo, demo: event.demo } : {},
    ),
  },
  guards: {
    knownItem: ({ context, event }) =>
      event.type === 'OPEN_ITEM' &&
      Boolean(context.items?.items.some((item) => item.id === event.itemId)),
  },
}).createMachine({
  id: 'testa',
  context: ({ input }) => ({
    language: input.language,
    items: null,
    itemId: null,
    demo: null,
    tried: [],
  }),
  initial: 'loading',
  states: {
    // The demos need no items, and their tiles show while the items load: a tap on one opens
    // it then too (it used to be dropped until the items had come).
    loading: {
      entry: assign({ itemId: null, demo: null }),
      on: { OPEN_DEMO: { target: 'open', actions: 'openDemo' } },
      invoke: {
        src: 'loadItems',
        input: ({ context }) => ({ language: context.language }),
        onDone: { target: 'list', actions: assign({ items: ({ event }) => event.output }) },
        onError: 'failed',
      },
    },
    failed: { on: { RETRY: 'loading', OPEN_DEMO: { target: 'open', actions: 'openDemo' } } },
    list: {
      entry: assign({ itemId: null, demo: null }),
      on: {
        OPEN_ITEM: {
          guard: 'knownItem',
          target: 'open',
          actions: assign({ itemId: ({ event }) => event.itemId, demo: null }),
        },
        OPEN_DEMO: { target: 'open', actions: 'openDemo' },
      },
    },
    /** An item's card or a demo: `itemId` is what is logged, `demo` says which view. */
    open: {
      entry: enqueueActions(({ context, enqueue }) => {
        const itemId = context.itemId ?? '';
        if (context.tried.includes(itemId)) return;
        enqueue.assign({ tried: [...context.tried, itemId] });
        enqueue({ type: 'recordTried', params: { itemId } });
      }),
      // Back to the list, or to loading it when a demo was opened before the items came.
      on: {
        BACK: [
          { guard: ({ context }) => context.items !== null, target: 'list' },
          { target: 'loading' },
        ],
      },
    },
  },
});
