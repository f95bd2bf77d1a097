/**
 * A volunteer's course session: topic (a Lära lesson or a course type), when, how many came
 * (how many for the first time), the languages used and the volunteer's role. No names: the
 * only numbers are head counts. Sessions can be planned ahead and logged with one tap.
 */
import { z } from 'zod/mini';
import {
  COURSE_ROLES,
  COURSE_TYPES,
  HELP_LANGUAGES,
  type CourseRole,
  type HelpLanguage,
} from '../../protocol/vocabulary';
import { courseSessionDataSchema } from '../../protocol/payloads';
import { codeSchema, toMinute } from '../../protocol/codes';
import type { LogDataOf } from '../../protocol/events';

export type CourseSessionData = LogDataOf<'course-session'>;

/**
 * Course types besides the Lära lessons (whose ids are topics too). The list lives in the
 * protocol, where the collector checks logged topics against it.
 */
export { COURSE_TYPES };
export type CourseType = (typeof COURSE_TYPES)[number];

/**
 * The Lära lessons (ids in content/lessons/lessons.json) a course type works through, in
 * order: a course type's lesson plan is this list. `other-course` is the volunteer's own.
 */
export const COURSE_TYPE_LESSONS: Readonly<Record<CourseType, readonly string[]>> = {
  'basic-internet': ['touch-screen', 'mouse-keyboard', 'internet-browser', 'search-judge', 'email'],
  'smartphone-tablet': ['touch-screen', 'internet-browser', 'video-calls', 'paying-safely'],
  'e-legitimation-course': ['passwords', 'e-legitimation', 'health-mina-sidor'],
  'safety-online': ['passwords', 'scams', 'paying-safely'],
  'e-services-course': ['e-legitimation', 'digital-mail', 'health-mina-sidor'],
  'other-course': [],
};

export function isCourseType(topic: string): topic is CourseType {
  return (COURSE_TYPES as readonly string[]).includes(topic);
}

export const MAX_ATTENDEES = 500;

/**
 * The lengths a volunteer picks from (minutes): preset choices are quicker than typing on a
 * tablet, and the dashboard sums them as volunteer, staff or partner hours. The protocol
 * accepts 0–600, so every preset is valid there too.
 */
export const DURATION_CHOICES = [30, 45, 60, 90, 120, 180] as const;
export type DurationChoice = (typeof DURATION_CHOICES)[number];

export interface CourseDraft {
  topic: string | null;
  /** Epoch ms; NaN when the date or time is missing. */
  heldAt: number;
  attendees: number;
  newAttendees: number;
  languages: HelpLanguage[];
  role: CourseRole;
  /** Null when the volunteer did not note it: the record then leaves it out, never guesses. */
  durationMinutes: DurationChoice | null;
}

export type CourseProblem =
  | 'topic-missing'
  | 'attendees-out-of-range'
  | 'new-out-of-range'
  | 'more-new-than-attendees'
  | 'no-language'
  | 'when-missing'
  | 'in-the-future';

const inRange = (count: number) => Number.isInteger(count) && count >= 0 && count <= MAX_ATTENDEES;

export function courseProblems(draft: CourseDraft, now: number): CourseProblem[] {
  const problems: CourseProblem[] = [];
  if (!draft.topic) problems.push('topic-missing');
  if (!inRange(draft.attendees)) problems.push('attendees-out-of-range');
  if (!inRange(draft.newAttendees)) problems.push('new-out-of-range');
  if (draft.newAttendees > draft.attendees) problems.push('more-new-than-attendees');
  if (draft.languages.length === 0) problems.push('no-language');
  if (!Number.isFinite(draft.heldAt)) problems.push('when-missing');
  if (draft.heldAt > now + 60_000) problems.push('in-the-future');
  return problems;
}

/** A plan may be for any time: only a session that was held must not lie in the future. */
export function planProblems(draft: CourseDraft): CourseProblem[] {
  return courseProblems(draft, Number.POSITIVE_INFINITY);
}

export function toCourseSessionData(draft: CourseDraft, now: number): CourseSessionData {
  const problems = courseProblems(draft, now);
  if (problems.length > 0) throw new Error(`course session not valid: ${problems.join(', ')}`);
  return courseSessionDataSchema.parse({
    topic: draft.topic,
    heldAt: toMinute(draft.heldAt),
    attendees: draft.attendees,
    newAttendees: draft.newAttendees,
    languages: [...new Set(draft.languages)],
    role: draft.role,
    ...(draft.durationMinutes === null ? {} : { durationMinutes: draft.durationMinutes }),
  });
}

/** What a plan says about a session apart from the head count. */
export interface PlanBasics {
  id: string;
  topic: string;
  plannedAt: number;
  languages: HelpLanguage[];
  role: CourseRole;
  /** Optional, so plans stored before durations were asked for still read back. */
  durationMinutes?: DurationChoice | null;
}

/** A session planned ahead, with the head count the volunteer expects. */
export interface PlannedSession extends PlanBasics {
  attendees: number;
  newAttendees: number;
}

const headCount = z.int().check(z.minimum(0), z.maximum(MAX_ATTENDEES));

/** Plans are stored on the device; what is read back is checked before it is trusted. */
export const plannedSessionSchema = z.strictObject({
  id: z.string().check(z.regex(/^[0-9A-Za-z-]{1,64}$/, 'must be an id')),
  topic: codeSchema,
  plannedAt: z.number(),
  languages: z.array(z.enum(HELP_LANGUAGES)).check(z.minLength(1)),
  role: z.enum(COURSE_ROLES),
  attendees: headCount,
  newAttendees: headCount,
  durationMinutes: z.optional(z.nullable(z.literal(DURATION_CHOICES))),
});
export const plannedSessionsSchema = z.array(plannedSessionSchema);

/**
 * Logging a planned session when it happens: with the head count it expected (one tap), or
 * with the plan's basics and today's head count. A session planned for later is logged as
 * held now, never in the future.
 */
export function fromPlan(plan: PlannedSession, now: number): CourseDraft;
export function fromPlan(
  plan: PlanBasics,
  attendees: number,
  newAttendees: number,
  now: number,
): CourseDraft;
export function fromPlan(
  plan: PlanBasics | PlannedSession,
  ...rest: [now: number] | [attendees: number, newAttendees: number, now: number]
): CourseDraft {
  const [attendees, newAttendees, now] =
    rest.length === 1 && 'attendees' in plan
      ? [plan.attendees, plan.newAttendees, rest[0]]
      : rest.length === 3
        ? rest
        : [Number.NaN, Number.NaN, rest[0]];
  return {
    topic: plan.topic,
    heldAt: Math.min(plan.plannedAt, now),
    attendees,
    newAttendees,
    languages: plan.languages,
    role: plan.role,
    durationMinutes: plan.durationMinutes ?? null,
  };
}

/** Soonest first (the sort is stable, so plans for the same time keep their order). */
export function byPlannedTime(plans: readonly PlannedSession[]): PlannedSession[] {
  return [...plans].sort((a, b) => a.plannedAt - b.plannedAt);
}
