/**
 * Planned course sessions without a browser: read soonest first, added and removed, logged
 * with one tap, and what happens when storage fails at each point.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { plansMachine } from '../../src/features/courses/plans-machine';
import type { CourseSessionData, PlannedSession } from '../../src/features/courses/course-record';

const NOW = new Date('2026-11-21T14:30:00').getTime();
const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

const plan = (id: string, hoursAhead: number, topic = 'email'): PlannedSession => ({
  id,
  topic,
  plannedAt: NOW + hoursAhead * 3_600_000,
  languages: ['sv', 'fa'],
  role: 'volunteer',
  attendees: 6,
  newAttendees: 2,
});

function plans(
  stored: PlannedSession[],
  fail: { read?: boolean; write?: boolean; record?: boolean } = {},
) {
  const writes: PlannedSession[][] = [];
  const recorded: CourseSessionData[] = [];
  const machine = plansMachine.provide({
    actors: {
      readPlans: fromPromise(async () => {
        if (fail.read) throw new Error('storage unavailable');
        return stored;
      }),
      writePlans: fromPromise<unknown, PlannedSession[]>(async ({ input }) => {
        if (fail.write) throw new Error('write refused');
        writes.push(input);
        return undefined;
      }),
      recordCourse: fromPromise<unknown, CourseSessionData>(async ({ input }) => {
        if (fail.record) throw new Error('QuotaExceededError');
        recorded.push(input);
        return undefined;
      }),
    },
  });
  const actor = createActor(machine).start();
  return { actor, writes, recorded };
}

const ready = (actor: ReturnType<typeof plans>['actor']) =>
  waitFor(actor, (state) => state.matches('ready'));

describe('planned sessions', () => {
  it('are read soonest first, added in their place and removed', async () => {
    const { actor, writes } = plans([plan('b', 48), plan('a', 2)]);
    await ready(actor);
    expect(actor.getSnapshot().context.plans.map((each) => each.id)).toEqual(['a', 'b']);
    actor.send({ type: 'ADD', plan: plan('c', 24, 'scams') });
    await ready(actor);
    expect(actor.getSnapshot().context.plans.map((each) => each.id)).toEqual(['a', 'c', 'b']);
    expect(actor.getSnapshot().context.announcement).toMatchObject({
      kind: 'planned',
      topic: 'scams',
    });
    actor.send({ type: 'REMOVE', id: 'a' });
    await ready(actor);
    expect(writes.map((list) => list.map((each) => each.id))).toEqual([
      ['a', 'c', 'b'],
      ['c', 'b'],
    ]);
    expect(actor.getSnapshot().context.announcement).toEqual({ kind: 'removed', topic: 'email' });
  });

  it('"Log it now" logs the planned head count once and removes the plan', async () => {
    const { actor, writes, recorded } = plans([plan('a', 1), plan('b', 26)]);
    await ready(actor);
    actor.send({ type: 'LOG_NOW', id: 'a', now: NOW });
    actor.send({ type: 'LOG_NOW', id: 'a', now: NOW }); // a second tap while busy
    await ready(actor);
    actor.send({ type: 'LOG_NOW', id: 'a', now: NOW }); // gone from the list
    expect(recorded).toEqual([
      {
        topic: 'email',
        heldAt: minute(NOW),
        attendees: 6,
        newAttendees: 2,
        languages: ['sv', 'fa'],
        role: 'volunteer',
      },
    ]);
    expect(writes).toEqual([[plan('b', 26)]]);
    expect(actor.getSnapshot().context.announcement).toEqual({
      kind: 'logged',
      topic: 'email',
      attendees: 6,
    });
  });

  it('when logging fails the plan stays and the failure is shown', async () => {
    const { actor, writes } = plans([plan('a', 1)], { record: true });
    await ready(actor);
    actor.send({ type: 'LOG_NOW', id: 'a', now: NOW });
    await waitFor(actor, (state) => state.context.error !== null);
    expect(actor.getSnapshot().context).toMatchObject({
      plans: [plan('a', 1)],
      error: { kind: 'log', reason: 'QuotaExceededError' },
    });
    expect(writes).toEqual([]);
  });

  it('when only the shorter list fails to save, the logged plan is still gone from the screen', async () => {
    const { actor, recorded } = plans([plan('a', 1)], { write: true });
    await ready(actor);
    actor.send({ type: 'LOG_NOW', id: 'a', now: NOW });
    await waitFor(actor, (state) => state.context.error !== null);
    expect(recorded).toHaveLength(1);
    expect(actor.getSnapshot().context).toMatchObject({
      plans: [],
      error: { kind: 'save' },
      announcement: { kind: 'logged' },
    });
  });

  it('a plan that cannot be saved is not shown as planned; an unreadable list says so', async () => {
    const failing = plans([], { write: true });
    await ready(failing.actor);
    failing.actor.send({ type: 'ADD', plan: plan('x', 3) });
    await waitFor(failing.actor, (state) => state.context.error !== null);
    expect(failing.actor.getSnapshot().context).toMatchObject({
      plans: [],
      announcement: null,
      error: { kind: 'save', reason: 'write refused' },
    });
    const unreadable = plans([], { read: true });
    await ready(unreadable.actor);
    expect(unreadable.actor.getSnapshot().context.error).toEqual({
      kind: 'read',
      reason: 'storage unavailable',
    });
  });

  it('the plan form stays open until its plan is stored, then closes as saved', async () => {
    const { actor } = plans([]);
    await ready(actor);
    expect(actor.getSnapshot().context.form).toBe('closed');
    actor.send({ type: 'OPEN_FORM' });
    actor.send({ type: 'ADD', plan: plan('a', 2) });
    expect(actor.getSnapshot().context.form).toBe('open');
    await ready(actor);
    expect(actor.getSnapshot().context.form).toBe('saved');
    // Removing a plan while the form is open leaves the form alone.
    actor.send({ type: 'OPEN_FORM' });
    actor.send({ type: 'REMOVE', id: 'a' });
    await ready(actor);
    expect(actor.getSnapshot().context.form).toBe('open');
    actor.send({ type: 'CLOSE_FORM' });
    expect(actor.getSnapshot().context.form).toBe('closed');
  });

  it('a plan that fails to save keeps its form open, so nothing typed is lost', async () => {
    const { actor } = plans([], { write: true });
    await ready(actor);
    actor.send({ type: 'OPEN_FORM' });
    actor.send({ type: 'ADD', plan: plan('a', 2) });
    await waitFor(actor, (state) => state.context.error !== null);
    expect(actor.getSnapshot().context.form).toBe('open');
  });
});
