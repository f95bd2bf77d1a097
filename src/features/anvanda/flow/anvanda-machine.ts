/**
 * The Använda flow: load the catalogue for the visitor's language, then search (the first
 * box on the screen) or browse by category, open an errand, and from it continue on the
 * phone (QR code), ask the staff, or, where the help point allows it, open the e-service on
 * the kiosk after a warning. Screens render this machine's state; the search text lives only
 * in its context and disappears with the visit.
 */
import { assign, fromPromise, sendTo, setup } from 'xstate';
import type { CategoryCode } from '../catalogue/catalogue-schema';
import type { LoadedCatalogue } from '../catalogue/load-catalogue';
import {
  EMPTY_RESULTS,
  MAX_QUERY_LENGTH,
  searchCatalogue,
  type SearchResults,
} from '../catalogue/search-results';
import { errandViewLogLogic } from './errand-view-log';
import type { ErrandChoice, FoundBy, LanguageCode } from '../../../protocol/vocabulary';

export interface AnvandaInput {
  language: LanguageCode;
  /** The help point's choice: may a visitor open an e-service on the kiosk itself? */
  openOnKioskAllowed: boolean;
}

export interface AnvandaContext extends AnvandaInput {
  catalogue: LoadedCatalogue | null;
  loadError: string | null;
  query: string;
  results: SearchResults;
  category: CategoryCode | null;
  errandId: string | null;
  foundBy: FoundBy;
  /**
   * The help request for the open errand: relayed to the staff's tablets, or not (offline,
   * not enrolled), in which case the page says where the desk is. Asked once per errand page.
   */
  staffRelay: StaffRelay | null;
}

export type StaffRelay = 'sending' | 'relayed' | 'not-relayed';

export type AnvandaEvent =
  | { type: 'TYPE'; query: string }
  | { type: 'OPEN_CATEGORY'; category: CategoryCode }
  | { type: 'OPEN_ERRAND'; errandId: string; foundBy: FoundBy }
  | { type: 'BACK' }
  | { type: 'SHOW_PHONE' }
  | { type: 'SHOW_STAFF' }
  | { type: 'ASK_OPEN_ON_KIOSK' }
  | { type: 'CONFIRM_OPEN_ON_KIOSK' }
  | { type: 'CLOSE_PANEL' }
  | { type: 'RETRY' };

export const anvandaMachine = setup({
  types: {
    context: {} as AnvandaContext,
    events: {} as AnvandaEvent,
    input: {} as AnvandaInput,
  },
  actors: {
    /** Provided by the screen: loads and indexes the catalogue (see load-catalogue.ts). */
    loadCatalogue: fromPromise<LoadedCatalogue, { language: LanguageCode }>(() =>
      Promise.reject(new Error('loadCatalogue not provided')),
    ),
    /** Provided by the screen: relays "ask the staff" to the help point's staff tablets. */
    askStaff: fromPromise<'relayed' | 'not-relayed', { errandId: string; language: LanguageCode }>(
      async () => 'not-relayed' as const,
    ),
    /** Provided by the screen with the app's log writer. */
    errandViewLog: errandViewLogLogic(() => undefined),
  },
  actions: {
    /** Tells the open errand's view log what the visitor chose on the page. */
    recordChoice: sendTo('errandViewLog', (_, params: { choice: ErrandChoice }) => ({
      type: 'CHOICE' as const,
      choice: params.choice,
    })),
    /** Provided by the screen: opens the e-service in a new browser tab on the kiosk. */
    openOnKiosk: (_, _params: { url: string }) => undefined,
  },
  guards: {
    mayOpenOnKiosk: ({ context }) =>
      context.openOnKioskAllowed &&
      Boolean(
        context.errandId && context.catalogue?.errandsById.get(context.errandId)?.eServiceUrl,
      ),
    cameFromCategory: ({ context }) => context.category !== null,
    knownErrand: ({ context, event }) =>
      event.type === 'OPEN_ERRAND' && Boolean(context.catalogue?.errandsById.has(event.errandId)),
  },
}).createMachine({
  id: 'anvanda',
  context: ({ input }) => ({
    ...input,
    catalogue: null,
    loadError: null,
    query: '',
    results: EMPTY_RESULTS,
    category: null,
    errandId: null,
    foundBy: 'search',
    staffRelay: null,
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadCatalogue',
        input: ({ context }) => ({ language: context.language }),
        onDone: {
          target: 'ready',
          actions: assign({ catalogue: ({ event }) => event.output, loadError: null }),
        },
        onError: {
          target: 'failed',
          actions: assign({ loadError: ({ event }) => String(event.error) }),
        },
      },
    },
    failed: { on: { RETRY: 'loading' } },
    ready: {
      initial: 'search',
      on: {
        OPEN_ERRAND: {
          guard: 'knownErrand',
          target: '.errand',
          actions: assign({
            errandId: ({ event }) => event.errandId,
            foundBy: ({ event }) => event.foundBy,
          }),
        },
      },
      states: {
        search: {
          entry: assign({ category: null }),
          on: {
            TYPE: {
              actions: assign(({ context, event }) => {
                const query = event.query.slice(0, MAX_QUERY_LENGTH);
                return {
                  query,
                  results: context.catalogue
                    ? searchCatalogue(context.catalogue, query)
                    : EMPTY_RESULTS,
                };
              }),
            },
            OPEN_CATEGORY: {
              target: 'category',
              actions: assign({ category: ({ event }) => event.category }),
            },
          },
        },
        category: { on: { BACK: 'search' } },
        errand: {
          invoke: {
            id: 'errandViewLog',
            src: 'errandViewLog',
            input: ({ context }) => ({
              errandId: context.errandId ?? '',
              foundBy: context.foundBy,
              language: context.language,
            }),
          },
          initial: 'overview',
          entry: assign({ staffRelay: null }),
          on: {
            BACK: [{ guard: 'cameFromCategory', target: 'category' }, { target: 'search' }],
            SHOW_PHONE: {
              target: '.phone',
              actions: { type: 'recordChoice', params: { choice: 'phone' } },
            },
            SHOW_STAFF: {
              target: '.staff',
              actions: { type: 'recordChoice', params: { choice: 'staff' } },
            },
            ASK_OPEN_ON_KIOSK: { guard: 'mayOpenOnKiosk', target: '.kioskWarning' },
            CLOSE_PANEL: '.overview',
          },
          states: {
            overview: {},
            phone: {},
            staff: {
              initial: 'deciding',
              states: {
                deciding: {
                  always: [
                    { guard: ({ context }) => context.staffRelay !== null, target: 'shown' },
                    { target: 'relaying' },
                  ],
                },
                relaying: {
                  entry: assign({ staffRelay: 'sending' }),
                  invoke: {
                    src: 'askStaff',
                    input: ({ context }) => ({
                      errandId: context.errandId ?? '',
                      language: context.language,
                    }),
                    onDone: {
                      target: 'shown',
                      actions: assign({ staffRelay: ({ event }) => event.output }),
                    },
                    onError: { target: 'shown', actions: assign({ staffRelay: 'not-relayed' }) },
                  },
                },
                shown: {},
              },
            },
            kioskWarning: {
              on: {
                CONFIRM_OPEN_ON_KIOSK: {
                  target: 'overview',
                  actions: [
                    { type: 'recordChoice', params: { choice: 'kiosk' } },
                    {
                      type: 'openOnKiosk',
                      params: ({ context }) => ({
                        url:
                          context.catalogue?.errandsById.get(context.errandId ?? '')?.eServiceUrl ??
                          '',
                      }),
                    },
                  ],
                },
              },
            },
          },
        },
      },
    },
  },
});
