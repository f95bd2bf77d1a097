/**
 * Running a course session: choose a topic, tick off its plan, then log how it went. The
 * lessons load in a region of their own, so a language switch reloads them without losing the
 * volunteer's place. Recording is an injected actor: a storage failure comes back as an error
 * the screen shows, and the form keeps what was typed so nothing has to be entered again.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { LanguageCode } from '../../protocol/vocabulary';
import {
  courseProblems,
  toCourseSessionData,
  type CourseProblem,
  type CourseSessionData,
} from './course-record';
import type { CourseLesson } from './course-services';
import { formDraft, newSessionForm, type SessionForm } from './session-form';

export interface CourseContext {
  language: LanguageCode;
  lessons: CourseLesson[] | null;
  topic: string | null;
  /** The plan items ticked off so far (ids are the same in every language). */
  ticked: string[];
  form: SessionForm;
  /** Shown after a refused "Log session", and kept up to date while the volunteer fixes them. */
  problems: CourseProblem[];
  /** Counts refused attempts, so the screen can move focus to the first problem each time. */
  refusals: number;
  pending: CourseSessionData | null;
  logged: CourseSessionData | null;
  saveError: string | null;
}

export type CourseEvent =
  | { type: 'LANGUAGE'; language: LanguageCode }
  | { type: 'RETRY' }
  | { type: 'CHOOSE_TOPIC'; topic: string | null }
  | { type: 'TICK'; itemId: string }
  | { type: 'START_LOG'; now: number }
  | { type: 'EDIT'; patch: Partial<SessionForm>; now: number }
  | { type: 'SUBMIT'; now: number }
  | { type: 'BACK' }
  | { type: 'ANOTHER' };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const courseMachine = setup({
  types: {
    context: {} as CourseContext,
    events: {} as CourseEvent,
    input: {} as { language: LanguageCode },
  },
  actors: {
    loadLessons: fromPromise<CourseLesson[], { language: LanguageCode }>(() =>
      Promise.reject(new Error('loadLessons not provided')),
    ),
    recordCourse: fromPromise<unknown, CourseSessionData>(() =>
      Promise.reject(new Error('recordCourse not provided')),
    ),
  },
  guards: {
    hasTopic: ({ context }) => context.topic !== null,
    otherLanguage: ({ context, event }) =>
      event.type === 'LANGUAGE' && event.language !== context.language,
    valid: ({ context, event }) =>
      event.type === 'SUBMIT' &&
      courseProblems(formDraft(context.topic, context.form), event.now).length === 0,
  },
}).createMachine({
  id: 'courses',
  type: 'parallel',
  context: ({ input }) => ({
    language: input.language,
    lessons: null,
    topic: null,
    ticked: [],
    // Replaced with "now" by START_LOG: the log form always starts from when it is opened.
    form: newSessionForm(0),
    problems: [],
    refusals: 0,
    pending: null,
    logged: null,
    saveError: null,
  }),
  states: {
    lessons: {
      initial: 'loading',
      on: {
        LANGUAGE: {
          guard: 'otherLanguage',
          target: '.loading',
          reenter: true,
          actions: assign({ language: ({ event }) => event.language }),
        },
      },
      states: {
        loading: {
          invoke: {
            src: 'loadLessons',
            input: ({ context }) => ({ language: context.language }),
            onDone: { target: 'loaded', actions: assign({ lessons: ({ event }) => event.output }) },
            onError: {
              target: 'failed',
              actions: ({ event }) => console.error('course lessons not loaded', event.error),
            },
          },
        },
        loaded: {},
        failed: { on: { RETRY: 'loading' } },
      },
    },
    flow: {
      initial: 'plan',
      states: {
        plan: {
          on: {
            CHOOSE_TOPIC: {
              actions: assign({ topic: ({ event }) => event.topic, ticked: [], problems: [] }),
            },
            TICK: {
              actions: assign({
                ticked: ({ context, event }) =>
                  context.ticked.includes(event.itemId)
                    ? context.ticked.filter((id) => id !== event.itemId)
                    : [...context.ticked, event.itemId],
              }),
            },
            START_LOG: {
              guard: 'hasTopic',
              target: 'log',
              // "Now" is when the volunteer starts logging; languages, role and length carry over.
              actions: assign({
                form: ({ context, event }) =>
                  newSessionForm(event.now, {
                    languages: context.form.languages,
                    role: context.form.role,
                    durationMinutes: context.form.durationMinutes,
                  }),
                problems: [],
                saveError: null,
              }),
            },
          },
        },
        log: {
          on: {
            EDIT: {
              actions: assign(({ context, event }) => {
                const form = { ...context.form, ...event.patch };
                return {
                  form,
                  problems:
                    context.problems.length > 0
                      ? courseProblems(formDraft(context.topic, form), event.now)
                      : [],
                };
              }),
            },
            SUBMIT: [
              {
                guard: 'valid',
                target: 'saving',
                actions: assign({
                  pending: ({ context, event }) =>
                    toCourseSessionData(formDraft(context.topic, context.form), event.now),
                  problems: [],
                  saveError: null,
                }),
              },
              {
                actions: assign({
                  problems: ({ context, event }) =>
                    courseProblems(formDraft(context.topic, context.form), event.now),
                  refusals: ({ context }) => context.refusals + 1,
                }),
              },
            ],
            BACK: 'plan',
          },
        },
        saving: {
          invoke: {
            src: 'recordCourse',
            input: ({ context }) => {
              if (!context.pending) throw new Error('nothing to record');
              return context.pending;
            },
            onDone: {
              target: 'logged',
              actions: assign({ logged: ({ context }) => context.pending, pending: null }),
            },
            onError: {
              target: 'log',
              actions: assign({ saveError: ({ event }) => errorText(event.error), pending: null }),
            },
          },
        },
        logged: {
          on: {
            ANOTHER: {
              target: 'plan',
              actions: assign({ topic: null, ticked: [], logged: null, problems: [] }),
            },
          },
        },
      },
    },
  },
});
