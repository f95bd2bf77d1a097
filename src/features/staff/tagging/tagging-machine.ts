/**
 * Tagging at the desk. Every tap changes the draft; the moment the draft is complete it is
 * saved (no "save" ritual), and the form starts over from the defaults. "Same as last" and
 * a most-used combination are complete drafts, so they save in one tap. The saved record can
 * be undone or edited; an edit is saved on "save changes", since the record was already
 * complete. Storage is an injected actor: the machine never touches IndexedDB itself.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { HelpTopic, Obstacle } from '../../../protocol/vocabulary';
import {
  isComplete,
  newDraft,
  type QuestionData,
  type TagDefaults,
  type TagDraft,
} from './tag-record';

export type CorrectionOutcome = 'taken-back' | 'correction-queued';

export interface SavedNote {
  recordId: string;
  data: QuestionData;
  /** What happened last to it: saved, changed, or undone / deleted. */
  action: 'saved' | 'changed' | 'deleted';
  outcome: CorrectionOutcome | null;
}

export interface TaggingContext {
  defaults: TagDefaults;
  draft: TagDraft;
  /** The record being edited, if any. */
  editing: { recordId: string; data: QuestionData } | null;
  note: SavedNote | null;
  /** The last storage error, shown to staff; the draft is kept so nothing is lost. */
  problem: string | null;
  /** Bumped after every change to storage, so lists and the tally read again. */
  revision: number;
  /** The record being deleted or undone. */
  removing: { recordId: string; data: QuestionData } | null;
}

export type TaggingEvent =
  | { type: 'TOGGLE_TOPIC'; topic: HelpTopic }
  | { type: 'TOGGLE_OBSTACLE'; obstacle: Obstacle }
  | { type: 'SET'; patch: Partial<TagDraft> }
  | { type: 'START_FROM'; draft: TagDraft }
  | { type: 'CLEAR' }
  | { type: 'EDIT'; recordId: string; data: QuestionData; draft: TagDraft }
  | { type: 'SAVE_EDIT' }
  | { type: 'CANCEL_EDIT' }
  | { type: 'DELETE'; recordId: string; data: QuestionData }
  | { type: 'UNDO' }
  | { type: 'DISMISS_NOTE' }
  | { type: 'REFRESH' };

export type CorrectionInput = { recordId: string; data: QuestionData; next: TagDraft | null };

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((value) => value !== item) : [...list, item];
}

export const taggingMachine = setup({
  types: {
    context: {} as TaggingContext,
    events: {} as TaggingEvent,
    input: {} as { defaults: TagDefaults; now?: number; startFrom?: TagDraft | null },
  },
  actors: {
    /** Provided by the app: a new record id, the event, a strict commit. */
    saveRecord: fromPromise<{ recordId: string; data: QuestionData }, { draft: TagDraft }>(() =>
      Promise.reject(new Error('saveRecord not provided')),
    ),
    /** Provided by the app: next = null deletes; holds the outbox lock while it works. */
    correctRecord: fromPromise<CorrectionOutcome, CorrectionInput>(() =>
      Promise.reject(new Error('correctRecord not provided')),
    ),
  },
  guards: {
    complete: ({ context }) => isComplete(context.draft),
  },
  actions: {
    applyChange: assign({
      draft: ({ context, event }) => {
        const draft = context.draft;
        switch (event.type) {
          case 'TOGGLE_TOPIC':
            return { ...draft, helpedWith: toggle(draft.helpedWith, event.topic) };
          case 'TOGGLE_OBSTACLE':
            return { ...draft, obstacles: toggle(draft.obstacles, event.obstacle) };
          case 'SET':
            return { ...draft, ...event.patch };
          case 'START_FROM':
            return event.draft;
          default:
            return draft;
        }
      },
      problem: null,
    }),
    chooseRemoval: assign({
      removing: ({ context, event }) =>
        event.type === 'DELETE'
          ? { recordId: event.recordId, data: event.data }
          : context.note && { recordId: context.note.recordId, data: context.note.data },
    }),
    startOver: assign({
      draft: ({ context }) => newDraft(Date.now(), context.defaults),
      editing: null,
    }),
  },
}).createMachine({
  id: 'tagging',
  context: ({ input }) => ({
    defaults: input.defaults,
    draft: input.startFrom ?? newDraft(input.now ?? Date.now(), input.defaults),
    editing: null,
    note: null,
    problem: null,
    revision: 0,
    removing: null,
  }),
  initial: 'drafting',
  on: {
    DISMISS_NOTE: { actions: assign({ note: null }) },
    REFRESH: { actions: assign({ revision: ({ context }) => context.revision + 1 }) },
  },
  states: {
    drafting: {
      always: { guard: 'complete', target: 'saving' },
      on: {
        TOGGLE_TOPIC: { actions: 'applyChange' },
        TOGGLE_OBSTACLE: { actions: 'applyChange' },
        SET: { actions: 'applyChange' },
        START_FROM: { actions: 'applyChange' },
        CLEAR: { actions: 'startOver' },
        EDIT: {
          target: 'editing',
          actions: assign({
            editing: ({ event }) => ({ recordId: event.recordId, data: event.data }),
            draft: ({ event }) => event.draft,
            note: null,
            problem: null,
          }),
        },
        DELETE: { target: 'deleting', actions: 'chooseRemoval' },
        UNDO: {
          guard: ({ context }) => context.note !== null && context.note.action !== 'deleted',
          target: 'deleting',
          actions: 'chooseRemoval',
        },
      },
    },
    saving: {
      invoke: {
        src: 'saveRecord',
        input: ({ context }) => ({ draft: context.draft }),
        onDone: {
          target: 'drafting',
          actions: [
            assign({
              note: ({ event }) => ({ ...event.output, action: 'saved' as const, outcome: null }),
              revision: ({ context }) => context.revision + 1,
            }),
            'startOver',
          ],
        },
        onError: {
          // The complete draft is kept but not retried in a loop: staff see the problem, and
          // any tap (or "clear") goes back to drafting, which tries to save again.
          target: 'failed',
          actions: assign({ problem: ({ event }) => String(event.error) }),
        },
      },
    },
    failed: {
      on: {
        SET: { target: 'drafting', actions: 'applyChange' },
        TOGGLE_TOPIC: { target: 'drafting', actions: 'applyChange' },
        TOGGLE_OBSTACLE: { target: 'drafting', actions: 'applyChange' },
        START_FROM: { target: 'drafting', actions: 'applyChange' },
        CLEAR: { target: 'drafting', actions: ['startOver', assign({ problem: null })] },
      },
    },
    editing: {
      on: {
        TOGGLE_TOPIC: { actions: 'applyChange' },
        TOGGLE_OBSTACLE: { actions: 'applyChange' },
        SET: { actions: 'applyChange' },
        SAVE_EDIT: { guard: 'complete', target: 'savingEdit' },
        CANCEL_EDIT: { target: 'drafting', actions: 'startOver' },
        DELETE: { target: 'deleting', actions: ['chooseRemoval', 'startOver'] },
      },
    },
    savingEdit: {
      invoke: {
        src: 'correctRecord',
        input: ({ context }) => ({
          recordId: context.editing?.recordId ?? '',
          data: context.editing?.data as QuestionData,
          next: context.draft,
        }),
        onDone: {
          target: 'drafting',
          actions: [
            assign({
              note: ({ context, event }) => ({
                recordId: context.editing?.recordId ?? '',
                data: context.editing?.data as QuestionData,
                action: 'changed' as const,
                outcome: event.output,
              }),
              revision: ({ context }) => context.revision + 1,
            }),
            'startOver',
          ],
        },
        onError: {
          target: 'editing',
          actions: assign({ problem: ({ event }) => String(event.error) }),
        },
      },
    },
    deleting: {
      invoke: {
        src: 'correctRecord',
        input: ({ context }): CorrectionInput => ({
          recordId: context.removing?.recordId ?? '',
          data: context.removing?.data as QuestionData,
          next: null,
        }),
        onDone: {
          target: 'drafting',
          actions: assign({
            note: ({ context, event }) => ({
              recordId: context.removing?.recordId ?? '',
              data: context.removing?.data as QuestionData,
              action: 'deleted' as const,
              outcome: event.output,
            }),
            removing: null,
            revision: ({ context }) => context.revision + 1,
          }),
        },
        onError: {
          target: 'drafting',
          actions: assign({ problem: ({ event }) => String(event.error), removing: null }),
        },
      },
    },
  },
});
