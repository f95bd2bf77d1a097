/**
 * Course records without a browser: the course types' lessons against the real content, plans
 * (their head counts, storage schema and one-tap logging), the log form's date, time and count
 * fields, and the checklist a topic gets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COURSE_TYPE_LESSONS,
  COURSE_TYPES,
  byPlannedTime,
  courseProblems,
  fromPlan,
  planProblems,
  plannedSessionsSchema,
  toCourseSessionData,
  type PlannedSession,
} from '../../src/features/courses/course-record';
import { lessonPlan, planFor, type PlanWords } from '../../src/features/courses/lesson-plan';
import {
  formDraft,
  localDate,
  localTime,
  newSessionForm,
  nextWholeHour,
  timeOf,
  toggleLanguage,
} from '../../src/features/courses/session-form';
import type { CourseLesson } from '../../src/features/courses/course-services';
import { parseCount } from '../../src/lib/parse-count';

const NOW = new Date('2026-11-21T14:30:00').getTime();
const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

const facts = JSON.parse(readFileSync('content/lessons/lessons.json', 'utf8')) as {
  lessons: {
    id: string;
    number: number;
    steps: { kind: 'explain' | 'practice' }[];
    check: unknown[];
  }[];
};
const svTexts = JSON.parse(readFileSync('content/lessons/sv.json', 'utf8')) as {
  lessons: Record<string, PlanWords>;
};
const lessons: CourseLesson[] = facts.lessons.map((lesson) => {
  const words = svTexts.lessons[lesson.id];
  if (!words) throw new Error(`no Swedish words for ${lesson.id}`);
  return {
    id: lesson.id,
    number: lesson.number,
    title: words.title,
    plan: lessonPlan(lesson, words),
  };
});

const plan: PlannedSession = {
  id: '0193a1fe-7c26-72ae-a82f-09d96effaf53',
  topic: 'safety-online',
  plannedAt: NOW + 2 * 3_600_000,
  languages: ['sv', 'so'],
  role: 'partner',
  attendees: 12,
  newAttendees: 4,
};

describe('course types', () => {
  it('each works through Lära lessons that exist, except the volunteer’s own "other" course', () => {
    const ids = new Set(facts.lessons.map((lesson) => lesson.id));
    for (const type of COURSE_TYPES) {
      const mapped = COURSE_TYPE_LESSONS[type];
      expect(new Set(mapped).size, type).toBe(mapped.length);
      mapped.forEach((lessonId) => expect(ids.has(lessonId), `${type} → ${lessonId}`).toBe(true));
      if (type === 'other-course') expect(mapped).toEqual([]);
      else expect(mapped.length, type).toBeGreaterThanOrEqual(1);
    }
    expect(Object.keys(COURSE_TYPE_LESSONS).sort()).toEqual([...COURSE_TYPES].sort());
  });

  it('every Lära lesson belongs to at least one course type', () => {
    const covered = new Set(Object.values(COURSE_TYPE_LESSONS).flat());
    expect(facts.lessons.filter((lesson) => !covered.has(lesson.id))).toEqual([]);
  });

  it('a course type’s plan is its lessons, in order, each with its goal', () => {
    const items = planFor('e-services-course', lessons);
    expect(items.map((item) => item.id)).toEqual(
      COURSE_TYPE_LESSONS['e-services-course'].map((id) => `lesson-${id}`),
    );
    expect(items.every((item) => item.kind === 'lesson' && item.detail.length > 0)).toBe(true);
    expect(items[0]?.title).toBe(svTexts.lessons['e-legitimation']?.title);
    expect(planFor('other-course', lessons)).toEqual([]);
  });

  it('a lesson’s plan is its own; no topic or an unknown one gives no plan', () => {
    expect(planFor('scams', lessons)).toEqual(
      lessons.find((lesson) => lesson.id === 'scams')?.plan,
    );
    expect(planFor(null, lessons)).toEqual([]);
    expect(planFor('no-such-lesson', lessons)).toEqual([]);
    // The help point's own lesson in Swedish only: its items say so, for screen readers.
    const first = lessons[0];
    if (!first) throw new Error('no lessons');
    const swedishOnly = { ...first, lang: 'sv' as const };
    expect(planFor(swedishOnly.id, [swedishOnly]).every((item) => item.lang === 'sv')).toBe(true);
  });
});

describe('planned sessions', () => {
  it('are logged with one tap using the head count they expected, never in the future', () => {
    expect(toCourseSessionData(fromPlan(plan, NOW), NOW)).toEqual({
      topic: 'safety-online',
      heldAt: minute(NOW),
      attendees: 12,
      newAttendees: 4,
      languages: ['sv', 'so'],
      role: 'partner',
    });
    // A length planned ahead reaches the record; the dashboard sums it as partner hours.
    expect(toCourseSessionData(fromPlan({ ...plan, durationMinutes: 90 }, NOW), NOW)).toMatchObject(
      { durationMinutes: 90 },
    );
    const earlier = { ...plan, plannedAt: NOW - 3_600_000 };
    expect(fromPlan(earlier, NOW).heldAt).toBe(NOW - 3_600_000);
    expect(fromPlan(plan, 3, 1, NOW)).toMatchObject({ attendees: 3, newAttendees: 1 });
  });

  it('may be planned for any time, but must add up', () => {
    const draft = { ...fromPlan(plan, NOW), heldAt: NOW + 30 * 86_400_000 };
    expect(planProblems(draft)).toEqual([]);
    expect(courseProblems(draft, NOW)).toEqual(['in-the-future']);
    expect(planProblems({ ...draft, topic: null, newAttendees: 13 })).toEqual([
      'topic-missing',
      'more-new-than-attendees',
    ]);
  });

  it('are read back only when they are valid, soonest first', () => {
    expect(plannedSessionsSchema.parse([plan])).toEqual([plan]);
    const timed = { ...plan, durationMinutes: 120 };
    expect(plannedSessionsSchema.parse([timed])).toEqual([timed]);
    for (const broken of [
      { ...plan, durationMinutes: 61 },
      { ...plan, durationMinutes: '60' },
      { ...plan, topic: 'Fri text med namn' },
      { ...plan, attendees: -1 },
      { ...plan, languages: [] },
      { ...plan, name: 'Anna' },
      { ...plan, plannedAt: 'tomorrow' },
    ]) {
      expect(plannedSessionsSchema.safeParse([broken]).success, JSON.stringify(broken)).toBe(false);
    }
    expect(plannedSessionsSchema.safeParse({ plans: [] }).success).toBe(false);
    const later = { ...plan, id: 'later', plannedAt: NOW + 9_000_000 };
    const sooner = { ...plan, id: 'sooner', plannedAt: NOW + 1_000 };
    expect(byPlannedTime([later, plan, sooner]).map((each) => each.id)).toEqual([
      'sooner',
      plan.id,
      'later',
    ]);
  });
});

describe('the log form', () => {
  it('starts from now, in Swedish, as a volunteer, and reads its local date and time', () => {
    const form = newSessionForm(NOW);
    expect(form).toEqual({
      date: localDate(NOW),
      time: localTime(NOW),
      attendees: 0,
      newAttendees: 0,
      languages: ['sv'],
      role: 'volunteer',
      durationMinutes: null,
    });
    expect(form.date).toBe('2026-11-21');
    expect(form.time).toBe('14:30');
    expect(timeOf(form.date, form.time)).toBe(NOW);
    expect(formDraft('email', form)).toMatchObject({ topic: 'email', heldAt: NOW });
    expect(newSessionForm(NOW, { languages: ['ar'], role: 'staff' })).toMatchObject({
      languages: ['ar'],
      role: 'staff',
    });
  });

  it('a length is left out of the record until noted, and carried when it is', () => {
    const form = { ...newSessionForm(NOW), attendees: 5 };
    const untimed = toCourseSessionData(formDraft('email', form), NOW);
    expect('durationMinutes' in untimed).toBe(false);
    expect(toCourseSessionData(formDraft('email', { ...form, durationMinutes: 45 }), NOW)).toEqual({
      ...untimed,
      durationMinutes: 45,
    });
    expect(newSessionForm(NOW, { durationMinutes: 120 }).durationMinutes).toBe(120);
  });

  it('a missing or impossible date or time is a problem, not another day', () => {
    for (const [date, time] of [
      ['', '14:30'],
      ['2026-11-21', ''],
      ['2026-02-30', '10:00'],
      ['2026-11-21', '25:00'],
      ['21/11/2026', '14:30'],
    ] as const) {
      const heldAt = timeOf(date, time);
      expect(heldAt, `${date} ${time}`).toBeNaN();
      const draft = formDraft('email', { ...newSessionForm(NOW), date, time });
      expect(courseProblems(draft, NOW)).toEqual(['when-missing']);
    }
    expect(timeOf('2026-11-21', '14:30:00')).toBe(NOW);
  });

  it('counts are whole numbers from 0 to 500, typed in any of the kiosk’s digits', () => {
    expect(parseCount('7')).toBe(7);
    expect(parseCount('٧')).toBe(7);
    expect(parseCount('۱۲')).toBe(12);
    expect(parseCount('')).toBeNaN();
    expect(parseCount('1.5')).toBeNaN();
    const form = { ...newSessionForm(NOW - 60_000), attendees: Number.NaN, newAttendees: 501 };
    expect(courseProblems(formDraft('email', form), NOW)).toEqual([
      'attendees-out-of-range',
      'new-out-of-range',
    ]);
  });

  it('languages toggle on and off in the vocabulary’s order', () => {
    expect(toggleLanguage(['sv'], 'ar')).toEqual(['sv', 'ar']);
    expect(toggleLanguage(['other', 'ti'], 'sv')).toEqual(['sv', 'ti', 'other']);
    expect(toggleLanguage(['sv', 'ar'], 'sv')).toEqual(['ar']);
  });

  it('a plan made at 14:30 defaults to 15:00', () => {
    expect(localTime(nextWholeHour(NOW))).toBe('15:00');
    expect(localDate(nextWholeHour(new Date('2026-11-21T23:40:00').getTime()))).toBe('2026-11-22');
  });
});
