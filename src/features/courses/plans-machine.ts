/**
 * Sessions planned ahead on this device: read once, then added, removed, or logged with one
 * tap using the head count they expected. A plan logged is removed from the list in memory at
 * once, even if saving the shorter list then fails, so one tap can never log it twice.
 * Every storage failure is kept in the context for the screen to show. The plan form is
 * part of the flow: it stays open until the plan it sent is stored, then closes as "saved".
 */
import { assign, fromPromise, setup } from 'xstate';
import {
  byPlannedTime,
  fromPlan,
  toCourseSessionData,
  type CourseSessionData,
  type PlannedSession,
} from './course-record';

export type PlansAnnouncement =
  | { kind: 'planned'; topic: string; plannedAt: number }
  | { kind: 'removed'; topic: string }
  | { kind: 'logged'; topic: string; attendees: number };

export type PlansError = { kind: 'read' | 'save' | 'log'; reason: string };

/** The plan form: closed, open (also while its plan is being stored), or closed once stored. */
export type PlanFormState = 'closed' | 'open' | 'saved';

export interface PlansContext {
  plans: PlannedSession[];
  /** The list being written; becomes `plans` once it is stored. */
  next: PlannedSession[];
  announcement: PlansAnnouncement | null;
  /** Said once the write succeeds. */
  pendingAnnouncement: PlansAnnouncement | null;
  error: PlansError | null;
  logging: { plan: PlannedSession; now: number } | null;
  form: PlanFormState;
}

export type PlansEvent =
  | { type: 'OPEN_FORM' }
  | { type: 'CLOSE_FORM' }
  | { type: 'ADD'; plan: PlannedSession }
  | { type: 'REMOVE'; id: string }
  | { type: 'LOG_NOW'; id: string; now: number };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const plansMachine = setup({
  types: {
    context: {} as PlansContext,
    events: {} as PlansEvent,
  },
  actors: {
    readPlans: fromPromise<PlannedSession[]>(() => Promise.resolve([])),
    writePlans: fromPromise<unknown, PlannedSession[]>(() =>
      Promise.reject(new Error('writePlans not provided')),
    ),
    recordCourse: fromPromise<unknown, CourseSessionData>(() =>
      Promise.reject(new Error('recordCourse not provided')),
    ),
  },
  guards: {
    knownPlan: ({ context, event }) =>
      (event.type === 'LOG_NOW' || event.type === 'REMOVE') &&
      context.plans.some((plan) => plan.id === event.id),
  },
}).createMachine({
  id: 'plans',
  initial: 'loading',
  context: {
    plans: [],
    next: [],
    announcement: null,
    pendingAnnouncement: null,
    error: null,
    logging: null,
    form: 'closed',
  },
  on: {
    OPEN_FORM: { actions: assign({ form: 'open' }) },
    CLOSE_FORM: { actions: assign({ form: 'closed' }) },
  },
  states: {
    loading: {
      invoke: {
        src: 'readPlans',
        onDone: {
          target: 'ready',
          actions: assign({ plans: ({ event }) => byPlannedTime(event.output) }),
        },
        onError: {
          target: 'ready',
          actions: assign({
            error: ({ event }) => ({ kind: 'read', reason: reasonOf(event.error) }),
          }),
        },
      },
    },
    ready: {
      on: {
        ADD: {
          target: 'saving',
          actions: assign(({ context, event }) => ({
            next: byPlannedTime([...context.plans, event.plan]),
            pendingAnnouncement: {
              kind: 'planned',
              topic: event.plan.topic,
              plannedAt: event.plan.plannedAt,
            },
            announcement: null,
            error: null,
          })),
        },
        REMOVE: {
          guard: 'knownPlan',
          target: 'saving',
          actions: assign(({ context, event }) => ({
            next: context.plans.filter((plan) => plan.id !== event.id),
            pendingAnnouncement: {
              kind: 'removed',
              topic: context.plans.find((plan) => plan.id === event.id)?.topic ?? '',
            },
            announcement: null,
            error: null,
          })),
        },
        LOG_NOW: {
          guard: 'knownPlan',
          target: 'logging',
          actions: assign(({ context, event }) => {
            const plan = context.plans.find((candidate) => candidate.id === event.id);
            return {
              logging: plan ? { plan, now: event.now } : null,
              announcement: null,
              error: null,
            };
          }),
        },
      },
    },
    logging: {
      invoke: {
        src: 'recordCourse',
        input: ({ context }) => {
          if (!context.logging) throw new Error('no plan to log');
          const { plan, now } = context.logging;
          return toCourseSessionData(fromPlan(plan, now), now);
        },
        onDone: {
          target: 'saving',
          actions: assign(({ context }) => {
            const plan = context.logging?.plan;
            const remaining = context.plans.filter((candidate) => candidate.id !== plan?.id);
            return {
              plans: remaining,
              next: remaining,
              logging: null,
              pendingAnnouncement: plan
                ? { kind: 'logged' as const, topic: plan.topic, attendees: plan.attendees }
                : null,
            };
          }),
        },
        onError: {
          target: 'ready',
          actions: assign({
            logging: null,
            error: ({ event }) => ({ kind: 'log' as const, reason: reasonOf(event.error) }),
          }),
        },
      },
    },
    saving: {
      invoke: {
        src: 'writePlans',
        input: ({ context }) => context.next,
        onDone: {
          target: 'ready',
          actions: assign(({ context }) => ({
            plans: context.next,
            announcement: context.pendingAnnouncement,
            pendingAnnouncement: null,
            // The form's plan is stored: close the form (a failed save leaves it open).
            form:
              context.form === 'open' && context.pendingAnnouncement?.kind === 'planned'
                ? ('saved' as const)
                : context.form,
          })),
        },
        onError: {
          target: 'ready',
          actions: assign(({ context, event }) => ({
            // A logged plan was already taken off the list; anything else stays as it was.
            announcement:
              context.pendingAnnouncement?.kind === 'logged' ? context.pendingAnnouncement : null,
            pendingAnnouncement: null,
            error: { kind: 'save' as const, reason: reasonOf(event.error) },
          })),
        },
      },
    },
  },
});
