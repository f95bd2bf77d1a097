/**
 * Running a course session without a browser: topic → checklist → log form → logged,
 * refusals shown per field, storage failures kept and shown, and a language switch keeping
 * the place. xstate/graph checks that only a valid form, submitted once, is ever recorded.
 */
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { courseMachine } from '../../src/features/courses/course-machine';
import type { CourseSessionData } from '../../src/features/courses/course-record';
import type { CourseLesson } from '../../src/features/courses/course-services';
import type { LanguageCode } from '../../src/protocol/vocabulary';

const NOW = new Date('2026-11-21T14:30:00').getTime();
const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

const lessonsIn = (language: LanguageCode): CourseLesson[] => [
  {
    id: 'email',
    number: 5,
    title: `email (${language})`,
    plan: [
      { id: 'goal', kind: 'goal', title: 'E-post', detail: 'Läsa och skriva' },
      { id: 'step-0', kind: 'step', title: 'Adressen', detail: '…' },
      { id: 'question-0', kind: 'question', title: 'Vad är @?', detail: '…' },
    ],
  },
];

function runSession(options: { failRecord?: boolean; failLoad?: boolean } = {}) {
  const recorded: CourseSessionData[] = [];
  const loads: LanguageCode[] = [];
  const machine = courseMachine.provide({
    actors: {
      loadLessons: fromPromise<CourseLesson[], { language: LanguageCode }>(async ({ input }) => {
        loads.push(input.language);
        if (options.failLoad) throw new Error('offline and not cached');
        return lessonsIn(input.language);
      }),
      recordCourse: fromPromise<unknown, CourseSessionData>(async ({ input }) => {
        if (options.failRecord) throw new Error('QuotaExceededError: the disk is full');
        recorded.push(input);
        return undefined;
      }),
    },
  });
  const actor = createActor(machine, { input: { language: 'sv' } }).start();
  return { actor, recorded, loads };
}

describe('running a course session', () => {
  it('choose a topic, tick off the plan, log it: one course-session with exactly its fields', async () => {
    const { actor, recorded } = runSession();
    await waitFor(actor, (state) => state.matches({ lessons: 'loaded' }));
    actor.send({ type: 'START_LOG', now: NOW });
    expect(actor.getSnapshot().matches({ flow: 'plan' })).toBe(true); // no topic yet

    actor.send({ type: 'CHOOSE_TOPIC', topic: 'email' });
    for (const itemId of ['goal', 'step-0', 'question-0']) actor.send({ type: 'TICK', itemId });
    actor.send({ type: 'TICK', itemId: 'step-0' });
    expect(actor.getSnapshot().context.ticked).toEqual(['goal', 'question-0']);

    actor.send({ type: 'START_LOG', now: NOW });
    expect(actor.getSnapshot().context.form).toMatchObject({
      date: '2026-11-21',
      time: '14:30',
      languages: ['sv'],
      role: 'volunteer',
    });
    actor.send({ type: 'EDIT', patch: { attendees: 7, newAttendees: 3 }, now: NOW });
    actor.send({ type: 'EDIT', patch: { languages: ['sv', 'ar'] }, now: NOW });
    actor.send({ type: 'EDIT', patch: { durationMinutes: 90 }, now: NOW });
    actor.send({ type: 'SUBMIT', now: NOW + 20_000 });
    await waitFor(actor, (state) => state.matches({ flow: 'logged' }));

    expect(recorded).toEqual([
      {
        topic: 'email',
        heldAt: minute(NOW),
        attendees: 7,
        newAttendees: 3,
        languages: ['sv', 'ar'],
        role: 'volunteer',
        durationMinutes: 90,
      },
    ]);
    actor.send({ type: 'ANOTHER' });
    const again = actor.getSnapshot();
    expect(again.matches({ flow: 'plan' })).toBe(true);
    expect(again.context).toMatchObject({ topic: null, ticked: [], logged: null });
    // The next session starts with the same languages, role and length.
    actor.send({ type: 'CHOOSE_TOPIC', topic: 'basic-internet' });
    actor.send({ type: 'START_LOG', now: NOW + 3_600_000 });
    expect(actor.getSnapshot().context.form).toMatchObject({
      languages: ['sv', 'ar'],
      durationMinutes: 90,
      time: '15:30',
    });
  });

  it('refuses the future and more new than came, per field, and clears each problem once fixed', async () => {
    const { actor, recorded } = runSession();
    actor.send({ type: 'CHOOSE_TOPIC', topic: 'safety-online' });
    actor.send({ type: 'START_LOG', now: NOW });
    actor.send({ type: 'EDIT', patch: { time: '16:00', attendees: 2, newAttendees: 5 }, now: NOW });
    expect(actor.getSnapshot().context.problems).toEqual([]); // not before the first try
    actor.send({ type: 'SUBMIT', now: NOW });
    expect(actor.getSnapshot().context).toMatchObject({
      problems: ['more-new-than-attendees', 'in-the-future'],
      refusals: 1,
    });
    expect(actor.getSnapshot().matches({ flow: 'log' })).toBe(true);
    actor.send({ type: 'EDIT', patch: { time: '13:00' }, now: NOW });
    expect(actor.getSnapshot().context.problems).toEqual(['more-new-than-attendees']);
    actor.send({ type: 'EDIT', patch: { languages: [] }, now: NOW });
    actor.send({ type: 'SUBMIT', now: NOW });
    expect(actor.getSnapshot().context.refusals).toBe(2);
    expect(actor.getSnapshot().context.problems).toEqual([
      'more-new-than-attendees',
      'no-language',
    ]);
    expect(recorded).toEqual([]);
  });

  it('a storage failure is kept for the screen, with the form as it was', async () => {
    const { actor } = runSession({ failRecord: true });
    actor.send({ type: 'CHOOSE_TOPIC', topic: 'email' });
    actor.send({ type: 'START_LOG', now: NOW });
    actor.send({ type: 'EDIT', patch: { attendees: 9 }, now: NOW });
    actor.send({ type: 'SUBMIT', now: NOW });
    await waitFor(actor, (state) => state.context.saveError !== null);
    const state = actor.getSnapshot();
    expect(state.matches({ flow: 'log' })).toBe(true);
    expect(state.context.saveError).toMatch(/disk is full/);
    expect(state.context.form.attendees).toBe(9);
  });

  it('a language switch reloads the lessons and keeps the topic and the ticks', async () => {
    const { actor, loads } = runSession();
    await waitFor(actor, (state) => state.matches({ lessons: 'loaded' }));
    actor.send({ type: 'CHOOSE_TOPIC', topic: 'email' });
    actor.send({ type: 'TICK', itemId: 'goal' });
    actor.send({ type: 'LANGUAGE', language: 'sv' });
    actor.send({ type: 'LANGUAGE', language: 'ar' });
    await waitFor(actor, (state) => state.context.lessons?.[0]?.title === 'email (ar)');
    expect(loads).toEqual(['sv', 'ar']);
    expect(actor.getSnapshot().context).toMatchObject({ topic: 'email', ticked: ['goal'] });
  });

  it('lessons that cannot load leave the course types usable, and can be tried again', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { actor, loads } = runSession({ failLoad: true });
    await waitFor(actor, (state) => state.matches({ lessons: 'failed' }));
    actor.send({ type: 'CHOOSE_TOPIC', topic: 'other-course' });
    actor.send({ type: 'START_LOG', now: NOW });
    expect(actor.getSnapshot().matches({ flow: 'log' })).toBe(true);
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (state) => state.matches({ lessons: 'failed' }));
    expect(loads).toEqual(['sv', 'sv']);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it('every shortest path into "saving" submitted once, with a topic and a valid form (graph)', () => {
    const paths = getShortestPaths(courseMachine, {
      input: { language: 'sv' },
      events: [
        { type: 'CHOOSE_TOPIC', topic: 'email' },
        { type: 'CHOOSE_TOPIC', topic: null },
        { type: 'TICK', itemId: 'goal' },
        { type: 'START_LOG', now: NOW },
        { type: 'EDIT', patch: { attendees: 4, newAttendees: 9 }, now: NOW },
        { type: 'EDIT', patch: { newAttendees: 2 }, now: NOW },
        { type: 'SUBMIT', now: NOW },
        { type: 'BACK' },
        { type: 'ANOTHER' },
      ],
      // The refusal counter only grows; leaving it out keeps the state space finite.
      serializeState: (state) =>
        JSON.stringify({ value: state.value, context: { ...state.context, refusals: 0 } }),
    });
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) {
      const submits = path.steps.filter((step) => step.event.type === 'SUBMIT').length;
      const saving = path.state.matches({ flow: 'saving' });
      if (saving) {
        expect(submits).toBe(1);
        expect(path.state.context.pending).not.toBeNull();
        expect(path.state.context.form.newAttendees).toBeLessThanOrEqual(
          path.state.context.form.attendees,
        );
      }
      if (path.state.matches({ flow: 'log' })) expect(path.state.context.topic).not.toBeNull();
    }
    expect(paths.some((path) => path.state.matches({ flow: 'saving' }))).toBe(true);
  });
});
