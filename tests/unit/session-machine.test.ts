import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { sessionMachine, type EndedSession } from '../../src/features/session/session-machine';

const IDLE_MS = 90_000;
const WARNING_MS = 60_000;

function startSession() {
  const recorded: EndedSession[] = [];
  let wipes = 0;
  const machine = sessionMachine.provide({
    actions: {
      recordVisit: (_, session) => {
        recorded.push(session);
      },
      wipeVisitor: () => {
        wipes += 1;
      },
    },
  });
  const actor = createActor(machine, { input: { idleMs: IDLE_MS, warningMs: WARNING_MS } }).start();
  return { actor, recorded, wipes: () => wipes };
}

describe('session machine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-21T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('walks attract → language → home → door → feedback → thanks → attract and records one visit', () => {
    const { actor, recorded } = startSession();
    expect(actor.getSnapshot().value).toBe('attract');
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'language' } })).toBe(true);
    actor.send({ type: 'CHOOSE_LANGUAGE', language: 'ar' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'home' } })).toBe(true);
    actor.send({ type: 'OPEN_DOOR', door: 'anvanda' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'anvanda' } })).toBe(true);
    actor.send({ type: 'GO_HOME' });
    actor.send({ type: 'OPEN_DOOR', door: 'lara' });
    actor.send({ type: 'OPEN_DOOR', door: 'anvanda' });
    for (let minute = 0; minute < 5; minute += 1) {
      vi.advanceTimersByTime(60_000);
      actor.send({ type: 'ACTIVITY' });
    }
    actor.send({ type: 'END_VISIT' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'feedback' } })).toBe(true);
    actor.send({ type: 'ANSWER_FEEDBACK', answer: 'partly' });
    expect(actor.getSnapshot().value).toBe('thanks');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      language: 'ar',
      doors: ['anvanda', 'lara'],
      ending: 'finished',
      feedback: 'partly',
    });
    actor.send({ type: 'DONE' });
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context).toMatchObject({
      language: 'sv',
      doorsVisited: [],
      feedback: null,
      textSize: 100,
    });
  });

  it('idle → warn → more time → idle → warn → timeout ends the visit as timed out and wipes', () => {
    const { actor, recorded, wipes } = startSession();
    const wipesAtStart = wipes();
    actor.send({ type: 'START' });
    actor.send({ type: 'CHOOSE_LANGUAGE', language: 'fi' });
    actor.send({ type: 'SET_TEXT_SIZE', size: 200 });
    actor.send({ type: 'OPEN_DOOR', door: 'testa' });

    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(actor.getSnapshot().matches({ visit: { idle: 'active' } })).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().matches({ visit: { idle: 'warning' } })).toBe(true);
    expect(actor.getSnapshot().context.warningEndsAt).toBe(Date.now() + WARNING_MS);

    vi.advanceTimersByTime(WARNING_MS - 1);
    actor.send({ type: 'MORE_TIME' });
    expect(actor.getSnapshot().matches({ visit: { idle: 'active', screen: 'testa' } })).toBe(true);
    expect(actor.getSnapshot().context.warningEndsAt).toBeNull();

    vi.advanceTimersByTime(IDLE_MS);
    expect(actor.getSnapshot().matches({ visit: { idle: 'warning' } })).toBe(true);
    expect(recorded).toHaveLength(0);
    vi.advanceTimersByTime(WARNING_MS);

    expect(actor.getSnapshot().value).toBe('attract');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      ending: 'timed-out',
      language: 'fi',
      doors: ['testa'],
      feedback: null,
    });
    expect(wipes()).toBe(wipesAtStart + 1);
    expect(actor.getSnapshot().context).toMatchObject({
      language: 'sv',
      textSize: 100,
      doorsVisited: [],
    });
  });

  it('activity postpones the warning, but does not dismiss a warning that is showing', () => {
    const { actor } = startSession();
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(IDLE_MS - 1000);
    actor.send({ type: 'ACTIVITY' });
    vi.advanceTimersByTime(IDLE_MS - 1000);
    expect(actor.getSnapshot().matches({ visit: { idle: 'active' } })).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(actor.getSnapshot().matches({ visit: { idle: 'warning' } })).toBe(true);
    actor.send({ type: 'ACTIVITY' });
    expect(actor.getSnapshot().matches({ visit: { idle: 'warning' } })).toBe(true);
  });

  it('lets the visitor extend as often as they like', () => {
    const { actor, recorded } = startSession();
    actor.send({ type: 'START' });
    for (let round = 0; round < 25; round += 1) {
      vi.advanceTimersByTime(IDLE_MS + WARNING_MS - 1);
      expect(actor.getSnapshot().matches({ visit: { idle: 'warning' } })).toBe(true);
      actor.send({ type: 'MORE_TIME' });
    }
    expect(actor.getSnapshot().matches('visit')).toBe(true);
    expect(recorded).toHaveLength(0);
  });

  it('ending from the warning goes to the feedback question with a fresh idle clock', () => {
    const { actor } = startSession();
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(IDLE_MS);
    actor.send({ type: 'END_VISIT' });
    expect(actor.getSnapshot().matches({ visit: { screen: 'feedback', idle: 'active' } })).toBe(
      true,
    );
  });

  it('returns from the thank-you screen by itself', () => {
    const { actor } = startSession();
    actor.send({ type: 'START' });
    actor.send({ type: 'END_VISIT' });
    actor.send({ type: 'SKIP_FEEDBACK' });
    expect(actor.getSnapshot().value).toBe('thanks');
    vi.advanceTimersByTime(8000);
    expect(actor.getSnapshot().value).toBe('attract');
  });

  it('the statement from the attract screen is not a visit and returns to attract when idle', () => {
    const { actor, recorded } = startSession();
    actor.send({ type: 'OPEN_STATEMENT' });
    expect(actor.getSnapshot().value).toBe('attractStatement');
    vi.advanceTimersByTime(IDLE_MS + WARNING_MS);
    expect(actor.getSnapshot().value).toBe('attract');
    expect(recorded).toHaveLength(0);
  });

  it('every path that leaves a visit records exactly one visit log (graph paths)', () => {
    const paths = getShortestPaths(sessionMachine, {
      input: { idleMs: IDLE_MS, warningMs: WARNING_MS },
      events: [
        { type: 'START' },
        { type: 'CHOOSE_LANGUAGE', language: 'so' },
        { type: 'OPEN_DOOR', door: 'lara' },
        { type: 'OPEN_DOOR', door: 'anvanda' },
        { type: 'OPEN_DOOR', door: 'testa' },
        { type: 'GO_HOME' },
        { type: 'OPEN_STATEMENT' },
        { type: 'CLOSE_STATEMENT' },
        { type: 'END_VISIT' },
        { type: 'ANSWER_FEEDBACK', answer: 'yes' },
        { type: 'SKIP_FEEDBACK' },
      ],
      serializeState: (snapshot) => JSON.stringify(snapshot.value),
    });
    const reached = new Set(paths.map((path) => JSON.stringify(path.state.value)));
    for (const screen of [
      'language',
      'home',
      'lara',
      'anvanda',
      'testa',
      'statement',
      'feedback',
    ]) {
      expect([...reached].some((value) => value.includes(`"screen":"${screen}"`))).toBe(true);
    }
    expect(reached.has('"thanks"')).toBe(true);
    expect(reached.has('"attractStatement"')).toBe(true);

    // Replay each path to the thank-you screen on a real actor: one log, every time.
    for (const path of paths.filter((candidate) => candidate.state.value === 'thanks')) {
      const { actor, recorded } = startSession();
      path.steps.forEach((step) => actor.send(step.event));
      expect(recorded).toHaveLength(1);
      expect(recorded[0]?.ending).toBe('finished');
    }
  });
});
