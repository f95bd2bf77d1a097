/**
 * Staff logic without a browser: the PIN hash and its lockout, tagging defaults and "same as
 * last", catch-up entries, course records and the lesson plan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashPin, pinHashSchema, verifyPin } from '../../src/lib/pin-hash';
import {
  afterWrongPin,
  attemptUnlock,
  FREE_TRIES,
  remainingLockMs,
  UNLOCKED,
  type LockoutState,
} from '../../src/features/staff/pin/pin-lockout';
import {
  backdatedTime,
  isComplete,
  mostUsed,
  newDraft,
  sameAsLast,
  toQuestionData,
  type QuestionData,
} from '../../src/features/staff/tagging/tag-record';
import {
  courseProblems,
  fromPlan,
  toCourseSessionData,
} from '../../src/features/courses/course-record';
import { lessonPlan } from '../../src/features/courses/lesson-plan';
import { questionDataSchema } from '../../src/protocol/payloads';

const RECORD = '01a1fe7c-261b-72ae-a82f-09d96effaf53';
const NOW = new Date('2026-11-21T14:30:00').getTime();
const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

describe('the staff PIN', () => {
  it('is stored as a salted hash that verifies only the right PIN', async () => {
    const stored = await hashPin('470318', 100_000);
    expect(pinHashSchema.parse(stored)).toEqual(stored);
    expect(JSON.stringify(stored)).not.toContain('470318');
    const again = await hashPin('470318', 100_000);
    expect(again.salt).not.toBe(stored.salt);
    expect(again.hash).not.toBe(stored.hash);
    expect(await verifyPin('470318', stored)).toBe(true);
    expect(await verifyPin('470319', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
    expect(await verifyPin('470318 ', stored)).toBe(false);
    await expect(hashPin('2580')).rejects.toThrow();
  });

  it('five wrong tries are free, then each locks longer, and a locked PIN is not checked', async () => {
    let state: LockoutState = UNLOCKED;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      state = afterWrongPin(state, NOW);
      waits.push(remainingLockMs(state, NOW));
    }
    expect(waits.slice(0, FREE_TRIES - 1)).toEqual([0, 0, 0, 0]);
    expect(waits.slice(FREE_TRIES - 1)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(remainingLockMs(afterWrongPin({ failures: 40, lockedUntil: null }, NOW), NOW)).toBe(
      3_600_000,
    );

    let checked = 0;
    const check = async () => {
      checked += 1;
      return true;
    };
    const locked = await attemptUnlock(state, NOW + 1000, check);
    expect(locked.outcome).toBe('locked');
    expect(checked).toBe(0);
    const later = await attemptUnlock(state, NOW + 480_000, check);
    expect(later).toEqual({ outcome: 'unlocked', state: UNLOCKED });
    const wrong = await attemptUnlock(UNLOCKED, NOW, async () => false);
    expect(wrong).toMatchObject({ outcome: 'wrong', triesLeft: FREE_TRIES - 1, lockedMs: 0 });
  });
});

describe('tagging a question', () => {
  it('starts from defaults and is complete after topic, time and outcome', () => {
    const draft = newDraft(NOW, { language: 'sv', channel: 'drop-in' });
    expect(isComplete(draft)).toBe(false);
    const tapped = {
      ...draft,
      helpedWith: ['printing-copying-scanning' as const],
      timeSpent: 'under-5' as const,
    };
    expect(isComplete(tapped)).toBe(false);
    const done = { ...tapped, outcome: 'solved' as const };
    expect(isComplete(done)).toBe(true);
    const data = toQuestionData(done, RECORD);
    expect(questionDataSchema.parse(data)).toEqual(data);
    expect(data).toMatchObject({
      channel: 'drop-in',
      language: 'sv',
      count: 1,
      helpedAt: minute(NOW),
    });
    expect(isComplete({ ...done, outcome: 'referred' })).toBe(false);
    expect(isComplete({ ...done, outcome: 'referred', referredTo: 'agency' })).toBe(true);
  });

  it('"same as last" copies the tags but not the time, the count or the postcode area', () => {
    const last: QuestionData = toQuestionData(
      {
        ...newDraft(NOW - 3_600_000, { language: 'ar', channel: 'booked' }),
        helpedWith: ['e-legitimation', 'login-passwords'],
        timeSpent: '15-30',
        outcome: 'partly-solved',
        agency: 'skatteverket',
        postcodeArea: '392',
        count: 4,
      },
      RECORD,
    );
    const next = sameAsLast(last, NOW);
    expect(next).toMatchObject({
      helpedWith: ['e-legitimation', 'login-passwords'],
      timeSpent: '15-30',
      outcome: 'partly-solved',
      agency: 'skatteverket',
      language: 'ar',
      channel: 'booked',
      postcodeArea: null,
      count: 1,
      helpedAt: NOW,
    });
    expect(isComplete(next)).toBe(true);
  });

  it('offers the most used combinations, weighted by count', () => {
    const record = (helpedWith: QuestionData['helpedWith'], count = 1): QuestionData =>
      toQuestionData(
        {
          ...newDraft(NOW, { language: 'sv', channel: 'drop-in' }),
          helpedWith,
          timeSpent: 'under-5',
          outcome: 'solved',
          count,
        },
        RECORD,
      );
    const combos = mostUsed([
      record(['printing-copying-scanning']),
      record(['login-passwords', 'e-legitimation']),
      record(['e-legitimation', 'login-passwords']),
      record(['printing-copying-scanning'], 6),
    ]);
    expect(combos.map((combo) => [combo.helpedWith.join('+'), combo.uses])).toEqual([
      ['printing-copying-scanning', 7],
      ['e-legitimation+login-passwords', 2],
    ]);
  });

  it('backdates within the same day only', () => {
    expect(backdatedTime('09:15', NOW)).toBe(new Date('2026-11-21T09:15:00').getTime());
    expect(backdatedTime('15:00', NOW)).toBeNull();
    expect(backdatedTime('9:15', NOW)).toBeNull();
    expect(backdatedTime('24:00', NOW)).toBeNull();
  });

  it('cannot carry free text: a record with a stray field is refused', () => {
    const data = toQuestionData(
      {
        ...newDraft(NOW, { language: 'sv', channel: 'drop-in' }),
        helpedWith: ['other'],
        timeSpent: '5-15',
        outcome: 'solved',
      },
      RECORD,
    );
    expect(questionDataSchema.safeParse({ ...data, note: 'Anna, 070-123 45 67' }).success).toBe(
      false,
    );
    expect(questionDataSchema.safeParse({ ...data, postcodeArea: 'Storgatan 1' }).success).toBe(
      false,
    );
  });
});

describe('course sessions', () => {
  const draft = {
    topic: 'scams',
    heldAt: NOW - 60_000,
    attendees: 8,
    newAttendees: 3,
    languages: ['sv' as const, 'ar' as const],
    role: 'volunteer' as const,
    durationMinutes: null,
  };

  it('become a course-session event with head counts only', () => {
    expect(toCourseSessionData(draft, NOW)).toEqual({
      topic: 'scams',
      heldAt: minute(NOW - 60_000),
      attendees: 8,
      newAttendees: 3,
      languages: ['sv', 'ar'],
      role: 'volunteer',
    });
  });

  it('are refused when they do not add up', () => {
    expect(
      courseProblems(
        { ...draft, topic: null, newAttendees: 9, languages: [], heldAt: NOW + 3_600_000 },
        NOW,
      ),
    ).toEqual(['topic-missing', 'more-new-than-attendees', 'no-language', 'in-the-future']);
    expect(() => toCourseSessionData({ ...draft, attendees: -1, newAttendees: 0 }, NOW)).toThrow(
      /attendees-out-of-range/,
    );
  });

  it('a planned session is logged with one tap and today’s head count', () => {
    const plan = {
      id: 'p1',
      topic: 'email',
      plannedAt: NOW - 30 * 60_000,
      languages: ['sv' as const],
      role: 'staff' as const,
    };
    expect(toCourseSessionData(fromPlan(plan, 5, 5, NOW), NOW)).toMatchObject({
      topic: 'email',
      attendees: 5,
      newAttendees: 5,
      role: 'staff',
    });
  });

  it('a lesson plan lists the goal, the steps, the exercises and the questions', () => {
    const facts = JSON.parse(readFileSync('content/lessons/lessons.json', 'utf8')) as {
      lessons: { id: string; steps: { kind: 'explain' | 'practice' }[]; check: unknown[] }[];
    };
    const texts = JSON.parse(readFileSync('content/lessons/sv.json', 'utf8')) as {
      lessons: Record<string, Parameters<typeof lessonPlan>[1]>;
    };
    const lesson = facts.lessons.find((candidate) => candidate.id === 'scams');
    const words = texts.lessons.scams;
    if (!lesson || !words) throw new Error('scams lesson missing');
    const plan = lessonPlan(lesson, words);
    expect(plan[0]).toMatchObject({ kind: 'goal', title: words.title });
    expect(plan.filter((item) => item.kind === 'exercise')).toHaveLength(
      lesson.steps.filter((step) => step.kind === 'practice').length,
    );
    expect(plan.filter((item) => item.kind === 'question')).toHaveLength(lesson.check.length);
  });
});
