/**
 * The Lära flow on the real lessons, the resume code, and the lesson log: one per lesson
 * opened, however it is left, carrying only codes and counts.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { laraMachine } from '../../src/features/lara/flow/lara-machine';
import {
  lessonLogLogic,
  scoreBandOf,
  type LessonRecord,
} from '../../src/features/lara/flow/lesson-log';
import { loadLessons, type LoadedLessons } from '../../src/features/lara/lessons/load-lessons';
import { decodeResumeCode, encodeResumeCode } from '../../src/features/lara/lessons/resume-code';
import { passwordStrength } from '../../src/features/lara/practices/password-strength';
import { testaMachine } from '../../src/features/testa/flow/testa-machine';
import { loadItems, type LoadedItems } from '../../src/features/testa/items/load-items';
import type { LanguageCode } from '../../src/protocol/vocabulary';

async function startLara(language: LanguageCode = 'sv') {
  const records: LessonRecord[] = [];
  const actor = createActor(
    laraMachine.provide({
      actors: {
        loadLessons: fromPromise<LoadedLessons, { language: LanguageCode }>(({ input }) =>
          loadLessons(input.language, null),
        ),
        lessonLog: lessonLogLogic((record) => records.push(record)),
      },
    }),
    { input: { language } },
  ).start();
  await waitFor(actor, (snapshot) => snapshot.matches('list'));
  const lessons = actor.getSnapshot().context.lessons;
  if (!lessons) throw new Error('lessons did not load');
  return { actor, records, lessons };
}

describe('the Lära flow', () => {
  it('a whole lesson, answered right, is logged once as completed with a high score', async () => {
    const { actor, records, lessons } = await startLara();
    const lesson = lessons.lessons.find((candidate) => candidate.id === 'passwords');
    if (!lesson) throw new Error('passwords lesson missing');
    actor.send({ type: 'OPEN_LESSON', lessonId: 'passwords' });
    for (let step = 1; step < lesson.steps.length; step += 1) actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe(lesson.steps.length - 1);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches({ lesson: 'check' })).toBe(true);
    for (const question of lesson.check) {
      actor.send({ type: 'NEXT' }); // not answered yet: stays
      actor.send({ type: 'ANSWER', answer: question.correct });
      actor.send({ type: 'NEXT' });
    }
    expect(actor.getSnapshot().matches({ lesson: 'done' })).toBe(true);
    expect(records).toEqual([]);
    actor.send({ type: 'LEAVE' });
    expect(records).toEqual([
      {
        lessonId: 'passwords',
        stepsReached: lesson.steps.length,
        stepsTotal: lesson.steps.length,
        completed: true,
        scoreBand: 'high',
        language: 'sv',
      },
    ]);
  });

  it('a visit that ends mid-lesson logs how far it got; the list offers to continue there', async () => {
    const { actor, records } = await startLara('ar');
    actor.send({ type: 'OPEN_LESSON', lessonId: 'email' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'BACK' });
    actor.send({ type: 'LEAVE' });
    expect(actor.getSnapshot().context.progress).toEqual({ email: 1 });
    actor.send({ type: 'OPEN_LESSON', lessonId: 'email' });
    expect(actor.getSnapshot().context.step).toBe(1);
    actor.stop();
    expect(
      records.map((record) => [record.stepsReached, record.completed, record.scoreBand]),
    ).toEqual([
      [3, false, 'none'],
      [2, false, 'none'],
    ]);
  });

  it('a resume code opens the lesson at its step; a mistyped one is refused', async () => {
    const { actor, lessons } = await startLara();
    const scams = lessons.lessons.find((lesson) => lesson.id === 'scams');
    if (!scams) throw new Error('scams lesson missing');
    const code = encodeResumeCode({ lessonNumber: scams.number, step: 3 });
    const typo = `${code.slice(0, 3)}${(Number(code[3]) + 1) % 10}`;
    actor.send({ type: 'RESUME', code: typo });
    expect(actor.getSnapshot().matches('list')).toBe(true);
    expect(actor.getSnapshot().context.resumeRefused).toBe(true);
    actor.send({ type: 'RESUME', code: ` ${code.slice(0, 2)} ${code.slice(2)} ` });
    expect(actor.getSnapshot().matches({ lesson: 'step' })).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({
      lessonId: 'scams',
      step: 3,
      resumeRefused: false,
    });
  });

  it('start again returns to the first step and clears the answers', async () => {
    const { actor } = await startLara();
    actor.send({ type: 'OPEN_LESSON', lessonId: 'digital-mail' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().context.step).toBe(0);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().context.step).toBe(0);
  });
});

describe('resume codes', () => {
  it('round-trip every lesson number and step, and catch every single mistyped digit', () => {
    for (let lessonNumber = 1; lessonNumber <= 99; lessonNumber += 1) {
      for (let step = 0; step <= 7; step += 1) {
        const code = encodeResumeCode({ lessonNumber, step });
        expect(code).toMatch(/^\d{4}$/);
        expect(decodeResumeCode(code)).toEqual({ lessonNumber, step });
        for (let position = 0; position < 4; position += 1) {
          for (let digit = 0; digit <= 9; digit += 1) {
            if (String(digit) === code[position]) continue;
            const typo = code.slice(0, position) + digit + code.slice(position + 1);
            expect(decodeResumeCode(typo), typo).not.toEqual({ lessonNumber, step });
          }
        }
      }
    }
  });

  it('accept Arabic-Indic and Persian digits and refuse anything else', () => {
    const code = encodeResumeCode({ lessonNumber: 7, step: 4 });
    const arabic = [...code].map((digit) => String.fromCharCode(0x0660 + Number(digit))).join('');
    const persian = [...code].map((digit) => String.fromCharCode(0x06f0 + Number(digit))).join('');
    expect(decodeResumeCode(arabic)).toEqual({ lessonNumber: 7, step: 4 });
    expect(decodeResumeCode(persian)).toEqual({ lessonNumber: 7, step: 4 });
    expect(decodeResumeCode('12a4')).toBeNull();
    expect(decodeResumeCode('123')).toBeNull();
  });
});

describe('score bands and password strength', () => {
  it('bands the check score', () => {
    expect([
      scoreBandOf(0, 0),
      scoreBandOf(0, 3),
      scoreBandOf(2, 4),
      scoreBandOf(2, 3),
      scoreBandOf(3, 3),
    ]).toEqual(['none', 'low', 'mid', 'mid', 'high']);
  });

  it('rates a long sentence strong and a short jumble weak', () => {
    expect(passwordStrength('P@ss1')).toBe('weak');
    expect(passwordStrength('Sommar2024!')).toBe('fair');
    expect(passwordStrength('blå cykel äter glass')).toBe('strong');
  });
});

describe('Testa', () => {
  it('logs each item or demo once per visit, and follows the help point’s choice of items', async () => {
    const tried: string[] = [];
    const actor = createActor(
      testaMachine.provide({
        actors: {
          loadItems: fromPromise<LoadedItems, { language: LanguageCode }>(({ input }) =>
            loadItems(input.language, ['tablet', 'no-such-item', 'e-reader']),
          ),
        },
        actions: { recordTried: (_, { itemId }) => void tried.push(itemId) },
      }),
      { input: { language: 'fi' } },
    ).start();
    await waitFor(actor, (snapshot) => snapshot.matches('list'));
    expect(actor.getSnapshot().context.items?.items.map((item) => item.id)).toEqual([
      'tablet',
      'e-reader',
    ]);
    actor.send({ type: 'OPEN_ITEM', itemId: 'tablet' });
    actor.send({ type: 'BACK' });
    actor.send({ type: 'OPEN_ITEM', itemId: 'tablet' });
    actor.send({ type: 'BACK' });
    actor.send({ type: 'OPEN_ITEM', itemId: 'vr-headset' });
    expect(actor.getSnapshot().matches('list')).toBe(true);
    actor.send({ type: 'OPEN_DEMO', demo: 'camera-check' });
    expect(tried).toEqual(['tablet', 'camera-check']);
  });

  it('opens a demo tapped while the items still load, and goes back to loading them', async () => {
    const tried: string[] = [];
    let finishLoading: (items: LoadedItems) => void = () => undefined;
    let loads = 0;
    const actor = createActor(
      testaMachine.provide({
        actors: {
          loadItems: fromPromise<LoadedItems, { language: LanguageCode }>(() => {
            loads += 1;
            return new Promise((resolve) => (finishLoading = resolve));
          }),
        },
        actions: { recordTried: (_, { itemId }) => void tried.push(itemId) },
      }),
      { input: { language: 'sv' } },
    ).start();
    expect(actor.getSnapshot().matches('loading')).toBe(true);
    actor.send({ type: 'OPEN_DEMO', demo: 'camera-check' });
    expect(actor.getSnapshot().matches('open')).toBe(true);
    expect(actor.getSnapshot().context.demo).toBe('camera-check');
    expect(tried).toEqual(['camera-check']);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().matches('loading')).toBe(true);
    expect(actor.getSnapshot().context.demo).toBeNull();
    finishLoading(await loadItems('sv'));
    await waitFor(actor, (snapshot) => snapshot.matches('list'));
    expect(loads).toBe(2);
  });
});
