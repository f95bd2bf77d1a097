/**
 * The Lära flow: the lesson list (with "enter a resume code"), then a lesson's steps, its
 * short check, and the end. Progress lives only in this machine's context, so it is gone
 * with the visit; a resume code is the only way to carry it to another day. Each lesson
 * opened is logged once, when it is left (see lesson-log.ts).
 */
import { and, assign, fromPromise, sendTo, setup } from 'xstate';
import type { LoadedLessons } from '../lessons/load-lessons';
import { decodeResumeCode } from '../lessons/resume-code';
import { lessonLogLogic } from './lesson-log';
import type { LanguageCode } from '../../../protocol/vocabulary';

export interface LaraContext {
  language: LanguageCode;
  lessons: LoadedLessons | null;
  loadError: string | null;
  lessonId: string | null;
  step: number;
  question: number;
  /** The answer chosen for each check question (null: not yet answered). */
  answers: (number | null)[];
  /** Where each lesson was left during this visit, so the list can offer to continue. */
  progress: Record<string, number>;
  resumeRefused: boolean;
}

export type LaraEvent =
  | { type: 'OPEN_LESSON'; lessonId: string }
  | { type: 'RESUME'; code: string }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'RESTART' }
  | { type: 'ANSWER'; answer: number }
  | { type: 'LEAVE' }
  | { type: 'RETRY' };

const lessonOf = (context: LaraContext) =>
  context.lessonId
    ? context.lessons?.lessons.find((lesson) => lesson.id === context.lessonId)
    : undefined;

export const laraMachine = setup({
  types: {
    context: {} as LaraContext,
    events: {} as LaraEvent,
    input: {} as { language: LanguageCode },
  },
  actors: {
    loadLessons: fromPromise<LoadedLessons, { language: LanguageCode }>(() =>
      Promise.reject(new Error('loadLessons not provided')),
    ),
    lessonLog: lessonLogLogic(() => undefined),
  },
  actions: {
    reportReached: sendTo('lessonLog', ({ context }) => ({
      type: 'REACHED' as const,
      steps: context.step + 1,
    })),
    reportCompleted: sendTo('lessonLog', ({ context }) => {
      const lesson = lessonOf(context);
      const correct =
        lesson?.check.filter((question, index) => context.answers[index] === question.correct)
          .length ?? 0;
      return { type: 'COMPLETED' as const, correct, questions: lesson?.check.length ?? 0 };
    }),
    rememberProgress: assign({
      progress: ({ context }) =>
        context.lessonId
          ? { ...context.progress, [context.lessonId]: context.step }
          : context.progress,
    }),
  },
  guards: {
    isLastStep: ({ context }) => context.step >= (lessonOf(context)?.steps.length ?? 1) - 1,
    isFirstStep: ({ context }) => context.step <= 0,
    isLastQuestion: ({ context }) => context.question >= (lessonOf(context)?.check.length ?? 1) - 1,
    isFirstQuestion: ({ context }) => context.question <= 0,
    answered: ({ context }) => context.answers[context.question] !== null,
    knownLesson: ({ context, event }) =>
      event.type === 'OPEN_LESSON' &&
      Boolean(context.lessons?.lessons.some((lesson) => lesson.id === event.lessonId)),
    validCode: ({ context, event }) => {
      if (event.type !== 'RESUME') return false;
      const point = decodeResumeCode(event.code);
      const lesson = point ? context.lessons?.byNumber.get(point.lessonNumber) : undefined;
      return Boolean(point && lesson && point.step < lesson.steps.length);
    },
  },
}).createMachine({
  id: 'lara',
  context: ({ input }) => ({
    language: input.language,
    lessons: null,
    loadError: null,
    lessonId: null,
    step: 0,
    question: 0,
    answers: [],
    progress: {},
    resumeRefused: false,
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadLessons',
        input: ({ context }) => ({ language: context.language }),
        onDone: { target: 'list', actions: assign({ lessons: ({ event }) => event.output }) },
        onError: {
          target: 'failed',
          actions: assign({ loadError: ({ event }) => String(event.error) }),
        },
      },
    },
    failed: { on: { RETRY: 'loading' } },
    list: {
      on: {
        OPEN_LESSON: {
          guard: 'knownLesson',
          target: 'lesson',
          actions: assign(({ context, event }) => ({
            lessonId: event.lessonId,
            step: context.progress[event.lessonId] ?? 0,
            resumeRefused: false,
          })),
        },
        RESUME: [
          {
            guard: 'validCode',
            target: 'lesson',
            actions: assign(({ context, event }) => {
              const point = decodeResumeCode(event.code);
              const lesson = point ? context.lessons?.byNumber.get(point.lessonNumber) : undefined;
              return { lessonId: lesson?.id ?? null, step: point?.step ?? 0, resumeRefused: false };
            }),
          },
          { actions: assign({ resumeRefused: true }) },
        ],
      },
    },
    lesson: {
      entry: assign(({ context }) => ({
        question: 0,
        answers: (lessonOf(context)?.check ?? []).map(() => null),
      })),
      exit: 'rememberProgress',
      invoke: {
        id: 'lessonLog',
        src: 'lessonLog',
        input: ({ context }) => ({
          lessonId: context.lessonId ?? '',
          stepsTotal: lessonOf(context)?.steps.length ?? 1,
          language: context.language,
        }),
      },
      initial: 'step',
      on: { LEAVE: 'list' },
      states: {
        step: {
          entry: 'reportReached',
          on: {
            NEXT: [
              { guard: 'isLastStep', target: 'check' },
              {
                target: 'step',
                reenter: true,
                actions: assign({ step: ({ context }) => context.step + 1 }),
              },
            ],
            BACK: {
              guard: ({ context }) => context.step > 0,
              target: 'step',
              reenter: true,
              actions: assign({ step: ({ context }) => context.step - 1 }),
            },
            RESTART: { target: 'step', reenter: true, actions: assign({ step: 0 }) },
          },
        },
        check: {
          on: {
            ANSWER: {
              actions: assign({
                answers: ({ context, event }) =>
                  context.answers.map((answer, index) =>
                    index === context.question ? event.answer : answer,
                  ),
              }),
            },
            NEXT: [
              {
                guard: and(['answered', 'isLastQuestion']),
                target: 'done',
                actions: 'reportCompleted',
              },
              {
                guard: 'answered',
                actions: assign({ question: ({ context }) => context.question + 1 }),
              },
            ],
            BACK: [
              { guard: 'isFirstQuestion', target: 'step' },
              { actions: assign({ question: ({ context }) => context.question - 1 }) },
            ],
          },
        },
        done: {
          on: {
            RESTART: {
              target: 'step',
              actions: assign(({ context }) => ({
                step: 0,
                question: 0,
                answers: context.answers.map(() => null),
              })),
            },
          },
        },
      },
    },
  },
});
