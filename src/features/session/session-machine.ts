/**
 * The visitor session on the public kiosk, as one XState v5 machine.
 *
 * attract → language → home ⇄ doors (Lära, Använda, Testa) → feedback → thank you → attract.
 * A parallel `idle` region implements WCAG 2.2.1: after `idleMs` without activity a warning
 * with a countdown appears; "more time" extends as often as needed; at zero the session ends
 * exactly as if the visitor had ended it. Leaving a session always records one anonymous
 * `visit` log and wipes the visitor (both are injected actions, so the machine stays pure).
 */
import { assign, setup } from 'xstate';
import {
  DEFAULT_LANGUAGE,
  DOORS,
  type Door,
  type FeedbackAnswer,
  type LanguageCode,
  type SessionEnding,
  type TextSize,
} from '../../protocol/vocabulary';

export interface SessionInput {
  idleMs: number;
  warningMs: number;
  thanksMs?: number;
  /** The idle limit while an e-service window the kiosk opened is open (default 15 min). */
  eServiceIdleMs?: number;
}

export interface SessionContext {
  idleMs: number;
  warningMs: number;
  thanksMs: number;
  eServiceIdleMs: number;
  /** An e-service window is open: the visitor works there, unseen by this page. */
  eServiceOpen: boolean;
  language: LanguageCode;
  textSize: TextSize;
  doorsVisited: Door[];
  startedAt: number | null;
  feedback: FeedbackAnswer | null;
  warningEndsAt: number | null;
}

export type SessionEvent =
  | { type: 'START' }
  | { type: 'OPEN_STATEMENT' }
  | { type: 'CLOSE_STATEMENT' }
  | { type: 'CHANGE_LANGUAGE' }
  | { type: 'CHOOSE_LANGUAGE'; language: LanguageCode }
  | { type: 'OPEN_DOOR'; door: Door }
  | { type: 'GO_HOME' }
  | { type: 'SET_TEXT_SIZE'; size: TextSize }
  | { type: 'END_VISIT' }
  | { type: 'ANSWER_FEEDBACK'; answer: FeedbackAnswer }
  | { type: 'SKIP_FEEDBACK' }
  | { type: 'ACTIVITY' }
  | { type: 'MORE_TIME' }
  | { type: 'ESERVICE_OPENED' }
  | { type: 'ESERVICE_CLOSED' }
  | { type: 'DONE' };

/** What the visit log writer receives when a session ends. */
export interface EndedSession {
  startedAt: number;
  endedAt: number;
  language: LanguageCode;
  doors: Door[];
  ending: SessionEnding;
  feedback: FeedbackAnswer | null;
}

const DEFAULT_THANKS_MS = 8000;
const DEFAULT_ESERVICE_IDLE_MS = 15 * 60_000;

function visitorDefaults(): Pick<
  SessionContext,
  | 'language'
  | 'textSize'
  | 'doorsVisited'
  | 'startedAt'
  | 'feedback'
  | 'warningEndsAt'
  | 'eServiceOpen'
> {
  return {
    eServiceOpen: false,
    language: DEFAULT_LANGUAGE,
    textSize: 100,
    doorsVisited: [],
    startedAt: null,
    feedback: null,
    warningEndsAt: null,
  };
}

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
  },
  actions: {
    /** Provided by the app: stores the anonymous visit log (durably, via LocalData). */
    recordVisit: (_, _session: EndedSession) => undefined,
    /** Provided by the app: clears everything of the visitor outside this machine. */
    wipeVisitor: () => undefined,
    resetVisitor: assign(() => visitorDefaults()),
    markStart: assign({ startedAt: () => Date.now() }),
    rememberDoor: assign({
      doorsVisited: ({ context }, { door }: { door: Door }) =>
        context.doorsVisited.includes(door)
          ? context.doorsVisited
          : [...context.doorsVisited, door],
    }),
    startCountdown: assign({ warningEndsAt: ({ context }) => Date.now() + context.warningMs }),
    stopCountdown: assign({ warningEndsAt: null }),
  },
  guards: {
    isDoor: ({ event }, params: { door: Door }) =>
      event.type === 'OPEN_DOOR' && event.door === params.door,
  },
  delays: {
    idleTimeout: ({ context }) => (context.eServiceOpen ? context.eServiceIdleMs : context.idleMs),
    warningTimeout: ({ context }) => context.warningMs,
    thanksTimeout: ({ context }) => context.thanksMs,
    statementIdleTimeout: ({ context }) => context.idleMs + context.warningMs,
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    idleMs: input.idleMs,
    warningMs: input.warningMs,
    thanksMs: input.thanksMs ?? DEFAULT_THANKS_MS,
    eServiceIdleMs: input.eServiceIdleMs ?? DEFAULT_ESERVICE_IDLE_MS,
    ...visitorDefaults(),
  }),
  initial: 'attract',
  states: {
    attract: {
      entry: ['resetVisitor', 'wipeVisitor'],
      on: {
        START: { target: 'visit', actions: 'markStart' },
        OPEN_STATEMENT: 'attractStatement',
      },
    },
    /** The accessibility statement opened from the attract screen: not a visit, nothing to log. */
    attractStatement: {
      after: { statementIdleTimeout: 'attract' },
      on: {
        ACTIVITY: { target: 'attractStatement', reenter: true },
        CLOSE_STATEMENT: 'attract',
      },
    },
    visit: {
      type: 'parallel',
      on: {
        SET_TEXT_SIZE: { actions: assign({ textSize: ({ event }) => event.size }) },
      },
      states: {
        screen: {
          initial: 'language',
          on: {
            END_VISIT: '.feedback',
            CHANGE_LANGUAGE: '.language',
            GO_HOME: '.home',
            OPEN_STATEMENT: '.statement',
            OPEN_DOOR: DOORS.map((door) => ({
              guard: { type: 'isDoor' as const, params: { door } },
              target: `.${door}`,
              actions: { type: 'rememberDoor' as const, params: { door } },
            })),
          },
          states: {
            language: {
              on: {
                CHOOSE_LANGUAGE: {
                  target: 'home',
                  actions: assign({ language: ({ event }) => event.language }),
                },
              },
            },
            home: {},
            lara: {},
            anvanda: {},
            testa: {},
            statement: { on: { CLOSE_STATEMENT: 'home' } },
            feedback: {
              on: {
                ANSWER_FEEDBACK: {
                  target: '#session.thanks',
                  actions: assign({ feedback: ({ event }) => event.answer }),
                },
                SKIP_FEEDBACK: '#session.thanks',
              },
            },
          },
        },
        idle: {
          initial: 'active',
          // Ending the visit (also from the warning's "end now") restarts the idle clock, and
          // so does opening or closing an e-service window, which changes the idle limit.
          on: {
            END_VISIT: '.active',
            ESERVICE_OPENED: { target: '.active', actions: assign({ eServiceOpen: true }) },
            ESERVICE_CLOSED: { target: '.active', actions: assign({ eServiceOpen: false }) },
          },
          states: {
            active: {
              after: { idleTimeout: 'warning' },
              on: { ACTIVITY: { target: 'active', reenter: true } },
            },
            warning: {
              entry: 'startCountdown',
              exit: 'stopCountdown',
              after: { warningTimeout: '#session.timedOut' },
              on: { MORE_TIME: 'active' },
            },
          },
        },
      },
    },
    thanks: {
      entry: {
        type: 'recordVisit',
        params: ({ context }) => endedSession(context, 'finished'),
      },
      after: { thanksTimeout: 'attract' },
      on: { DONE: 'attract' },
    },
    timedOut: {
      entry: {
        type: 'recordVisit',
        params: ({ context }) => endedSession(context, 'timed-out'),
      },
      always: 'attract',
    },
  },
});

function endedSession(context: SessionContext, ending: SessionEnding): EndedSession {
  const endedAt = Date.now();
  return {
    startedAt: context.startedAt ?? endedAt,
    endedAt,
    language: context.language,
    doors: context.doorsVisited,
    ending,
    feedback: context.feedback,
  };
}
