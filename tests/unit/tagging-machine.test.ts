/**
 * The tagging flow without React or storage: three taps save a record, one tap repeats the
 * last, undo and delete go through the correction actor, an edit saves only on "save
 * changes", and a failed save keeps the draft. Also today's records and tally.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  taggingMachine,
  type CorrectionInput,
  type CorrectionOutcome,
} from '../../src/features/staff/tagging/tagging-machine';
import { taggingMachineWith } from '../../src/features/staff/tagging/tagging-with-services';
import {
  newDraft,
  sameAsLast,
  toQuestionData,
  type QuestionData,
  type TagDraft,
} from '../../src/features/staff/tagging/tag-record';
import { questionRecords, tally } from '../../src/features/staff/tagging/today-records';
import { logEventSchema, type LogEvent } from '../../src/protocol/events';
import { TEST_DEVICE, TEST_HELP_POINT } from '../support/events';

const DEFAULTS = { language: 'sv', channel: 'drop-in' } as const;

function harness(options: { failSave?: boolean } = {}) {
  const saved: QuestionData[] = [];
  const corrections: { recordId: string; next: TagDraft | null }[] = [];
  let id = 0;
  const machine = taggingMachine.provide({
    actors: {
      saveRecord: fromPromise(async ({ input }: { input: { draft: TagDraft } }) => {
        if (options.failSave) throw new Error('QuotaExceededError');
        id += 1;
        const recordId = `0190a000-0000-7000-8000-${String(id).padStart(12, '0')}`;
        const data = toQuestionData(input.draft, recordId);
        saved.push(data);
        return { recordId, data };
      }),
      correctRecord: fromPromise<CorrectionOutcome, CorrectionInput>(async ({ input }) => {
        corrections.push({ recordId: input.recordId, next: input.next });
        return 'taken-back';
      }),
    },
  });
  const actor = createActor(machine, { input: { defaults: DEFAULTS } }).start();
  return { actor, saved, corrections };
}

const drafting = (actor: ReturnType<typeof harness>['actor']) =>
  waitFor(actor, (state) => state.matches('drafting') || state.matches('failed'));

describe('tagging machine', () => {
  it('saves the moment topic, time and outcome are tapped, with the defaults', async () => {
    const { actor, saved } = harness();
    actor.send({ type: 'TOGGLE_TOPIC', topic: 'printing-copying-scanning' });
    actor.send({ type: 'SET', patch: { timeSpent: 'under-5' } });
    expect(saved).toHaveLength(0);
    actor.send({ type: 'SET', patch: { outcome: 'solved' } });
    await drafting(actor);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      helpedWith: ['printing-copying-scanning'],
      timeSpent: 'under-5',
      outcome: 'solved',
      language: 'sv',
      channel: 'drop-in',
      count: 1,
      postcodeArea: null,
    });
    expect(actor.getSnapshot().context.draft.helpedWith).toEqual([]);
    expect(actor.getSnapshot().context.note?.action).toBe('saved');
  });

  it('waits for the referral target when the outcome is "referred"', async () => {
    const { actor, saved } = harness();
    actor.send({ type: 'TOGGLE_TOPIC', topic: 'public-authority-errand' });
    actor.send({ type: 'SET', patch: { timeSpent: '5-15', outcome: 'referred' } });
    expect(saved).toHaveLength(0);
    actor.send({ type: 'SET', patch: { referredTo: 'agency' } });
    await drafting(actor);
    expect(saved[0]?.referredTo).toBe('agency');
  });

  it('"same as last" saves in one tap; undo takes it back through the correction actor', async () => {
    const { actor, saved, corrections } = harness();
    const last = toQuestionData(
      {
        ...newDraft(Date.parse('2026-11-21T09:00:00Z'), DEFAULTS),
        helpedWith: ['login-passwords'],
        timeSpent: '15-30',
        outcome: 'partly-solved',
        postcodeArea: '123',
        count: 4,
      },
      '0190a000-0000-7000-8000-000000000999',
    );
    actor.send({ type: 'START_FROM', draft: sameAsLast(last, Date.now()) });
    await drafting(actor);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      helpedWith: ['login-passwords'],
      count: 1,
      postcodeArea: null,
    });
    actor.send({ type: 'UNDO' });
    await waitFor(actor, (state) => state.context.note?.action === 'deleted');
    expect(corrections).toEqual([{ recordId: saved[0]?.recordId, next: null }]);
    // Undo twice does nothing more.
    actor.send({ type: 'UNDO' });
    expect(corrections).toHaveLength(1);
  });

  it('an edit is saved only on "save changes", under the same record id', async () => {
    const { actor, saved, corrections } = harness();
    actor.send({
      type: 'START_FROM',
      draft: {
        ...newDraft(Date.now(), DEFAULTS),
        helpedWith: ['other'],
        timeSpent: 'under-5',
        outcome: 'solved',
      },
    });
    await drafting(actor);
    const record = saved[0] as QuestionData;
    actor.send({
      type: 'EDIT',
      recordId: record.recordId,
      data: record,
      draft: {
        ...newDraft(Date.now(), DEFAULTS),
        helpedWith: ['other'],
        timeSpent: 'under-5',
        outcome: 'solved',
      },
    });
    actor.send({ type: 'SET', patch: { timeSpent: '30-60' } });
    expect(actor.getSnapshot().matches('editing')).toBe(true);
    expect(corrections).toHaveLength(0);
    actor.send({ type: 'SAVE_EDIT' });
    await drafting(actor);
    expect(corrections).toHaveLength(1);
    expect(corrections[0]?.recordId).toBe(record.recordId);
    expect(corrections[0]?.next?.timeSpent).toBe('30-60');
    expect(saved).toHaveLength(1);
  });

  it('a failed save keeps the draft and shows the problem, without retrying in a loop', async () => {
    const { actor } = harness({ failSave: true });
    actor.send({
      type: 'START_FROM',
      draft: {
        ...newDraft(Date.now(), DEFAULTS),
        helpedWith: ['other'],
        timeSpent: 'under-5',
        outcome: 'solved',
      },
    });
    await waitFor(actor, (state) => state.matches('failed'));
    expect(actor.getSnapshot().context.problem).toMatch(/QuotaExceeded/);
    expect(actor.getSnapshot().context.draft.helpedWith).toEqual(['other']);
  });

  it('every state is reachable', () => {
    const paths = getShortestPaths(taggingMachine, {
      input: { defaults: DEFAULTS },
      events: [
        { type: 'TOGGLE_TOPIC', topic: 'other' },
        { type: 'SET', patch: { timeSpent: 'under-5', outcome: 'solved' } },
        { type: 'CANCEL_EDIT' },
      ],
    });
    const reached = new Set(paths.map((path) => JSON.stringify(path.state.value)));
    expect(reached).toContain('"drafting"');
    expect(reached).toContain('"saving"');
  });
});

function event(type: 'question' | 'question-withdrawn', data: unknown, at: string): LogEvent {
  return logEventSchema.parse({
    id: `0190a000-0000-7000-8000-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    occurredAt: at,
    helpPointId: TEST_HELP_POINT,
    deviceId: TEST_DEVICE,
    data,
  });
}

describe("today's records and tally", () => {
  const base = (recordId: string, patch: Partial<TagDraft>) =>
    toQuestionData(
      {
        ...newDraft(Date.parse('2026-11-21T09:15:00'), DEFAULTS),
        helpedWith: ['other'],
        timeSpent: 'under-5',
        outcome: 'solved',
        ...patch,
      },
      recordId,
    );
  const a = '0190a000-0000-7000-8000-00000000000a';
  const b = '0190a000-0000-7000-8000-00000000000b';
  const c = '0190a000-0000-7000-8000-00000000000c';

  it('counts the latest version of each record, weighted by count, and none withdrawn', () => {
    const events = [
      event(
        'question',
        base(a, { helpedWith: ['printing-copying-scanning'], count: 6 }),
        '2026-11-21T08:00:00.000Z',
      ),
      event(
        'question',
        base(b, { helpedWith: ['e-legitimation', 'login-passwords'] }),
        '2026-11-21T08:01:00.000Z',
      ),
      // b corrected later: now healthcare, at 11:40 local.
      event(
        'question',
        base(b, { helpedWith: ['healthcare-1177'], helpedAt: Date.parse('2026-11-21T11:40:00') }),
        '2026-11-21T10:00:00.000Z',
      ),
      event('question', base(c, {}), '2026-11-21T08:02:00.000Z'),
      event('question-withdrawn', { recordId: c }, '2026-11-21T08:03:00.000Z'),
    ];
    const records = questionRecords(events, new Set([events[2]?.id ?? '']));
    expect(records.map((record) => record.recordId).sort()).toEqual([a, b]);
    expect(records.find((record) => record.recordId === b)?.sent).toBe(false);
    expect(records.find((record) => record.recordId === a)?.sent).toBe(true);
    const today = tally(records);
    expect(today.visitors).toBe(7);
    expect(today.byTopic).toEqual({ 'printing-copying-scanning': 6, 'healthcare-1177': 1 });
    expect([...today.byHour.entries()].sort()).toEqual([
      [11, 1],
      [9, 6],
    ]);
  });

  it('wired to the staff services: saved under a new UUIDv7, undone by that id', async () => {
    const saved: QuestionData[] = [];
    const corrected: { recordId: string; next: QuestionData | null }[] = [];
    const machine = taggingMachineWith({
      saveQuestion: async (data) => {
        saved.push(data);
      },
      correctQuestion: async (recordId, next) => {
        corrected.push({ recordId, next });
        return 'taken-back';
      },
    });
    const actor = createActor(machine, { input: { defaults: DEFAULTS } }).start();
    actor.send({ type: 'TOGGLE_TOPIC', topic: 'printing-copying-scanning' });
    actor.send({ type: 'SET', patch: { timeSpent: 'under-5', outcome: 'solved' } });
    await drafting(actor);
    expect(saved).toHaveLength(1);
    const recordId = saved[0]?.recordId;
    expect(recordId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(actor.getSnapshot().context.note).toMatchObject({ recordId, action: 'saved' });
    actor.send({ type: 'UNDO' });
    await waitFor(actor, (state) => state.context.note?.action === 'deleted');
    expect(corrected).toEqual([{ recordId, next: null }]);
  });
});
