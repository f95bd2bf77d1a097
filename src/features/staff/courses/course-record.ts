/**
 * A volunteer's course session: topic (a Lära lesson or a course type), when, how many came
 * (how many for the first time), the languages used and the volunteer's role. No names: the
 * only numbers are head counts. Sessions can be planned ahead and logged with one tap.
 */
import type { CourseRole, HelpLanguage } from '../../../protocol/vocabulary';
import { courseSessionDataSchema } from '../../../protocol/payloads';
import { toMinute } from '../../../protocol/codes';
import type { LogDataOf } from '../../../protocol/events';

export type CourseSessionData = LogDataOf<'course-session'>;

/** Course types besides the Lära lessons (whose ids are topics too). */
export const COURSE_TYPES = [
  'basic-internet',
  'smartphone-tablet',
  'e-legitimation-course',
  'safety-online',
  'e-services-course',
  'other-course',
] as const;

export interface CourseDraft {
  topic: string | null;
  heldAt: number;
  attendees: number;
  newAttendees: number;
  languages: HelpLanguage[];
  role: CourseRole;
}

export type CourseProblem =
  | 'topic-missing'
  | 'attendees-out-of-range'
  | 'more-new-than-attendees'
  | 'no-language'
  | 'in-the-future';

export function courseProblems(draft: CourseDraft, now: number): CourseProblem[] {
  const problems: CourseProblem[] = [];
  if (!draft.topic) problems.push('topic-missing');
  if (!Number.isInteger(draft.attendees) || draft.attendees < 0 || draft.attendees > 500)
    problems.push('attendees-out-of-range');
  if (draft.newAttendees > draft.attendees) problems.push('more-new-than-attendees');
  if (draft.languages.length === 0) problems.push('no-language');
  if (draft.heldAt > now + 60_000) problems.push('in-the-future');
  return problems;
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
  });
}

export interface PlannedSession {
  id: string;
  topic: string;
  plannedAt: number;
  languages: HelpLanguage[];
  role: CourseRole;
}

/** Logging a planned session when it happens: the plan plus today's head count. */
export function fromPlan(
  plan: PlannedSession,
  attendees: number,
  newAttendees: number,
  now: number,
): CourseDraft {
  return {
    topic: plan.topic,
    heldAt: Math.min(plan.plannedAt, now),
    attendees,
    newAttendees,
    languages: plan.languages,
    role: plan.role,
  };
}
