/**
 * The fields a volunteer fills in, for a session held (the log form) or planned ahead: a local
 * date and time as the native inputs give them, the head counts, the languages and the role.
 * Kept as the inputs' own values, so a half-typed date is never silently turned into another.
 */
import { HELP_LANGUAGES, type CourseRole, type HelpLanguage } from '../../protocol/vocabulary';
import type { CourseDraft, CourseProblem, DurationChoice } from './course-record';

export interface SessionForm {
  /** YYYY-MM-DD, local time, as `<input type="date">` gives it ('' when cleared). */
  date: string;
  /** HH:MM, local time, as `<input type="time">` gives it. */
  time: string;
  /** NaN while the field is empty. */
  attendees: number;
  newAttendees: number;
  languages: HelpLanguage[];
  role: CourseRole;
  durationMinutes: DurationChoice | null;
}

export type SessionField = 'topic' | 'when' | 'attendees' | 'newAttendees' | 'languages';

/** Which field each problem is shown next to. */
export const PROBLEM_FIELD: Readonly<Record<CourseProblem, SessionField>> = {
  'topic-missing': 'topic',
  'when-missing': 'when',
  'in-the-future': 'when',
  'attendees-out-of-range': 'attendees',
  'new-out-of-range': 'newAttendees',
  'more-new-than-attendees': 'newAttendees',
  'no-language': 'languages',
};

const pad = (value: number) => String(value).padStart(2, '0');

export function localDate(epochMs: number): string {
  const at = new Date(epochMs);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function localTime(epochMs: number): string {
  const at = new Date(epochMs);
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The local date and time as epoch ms, or NaN when either is missing or not a real day. */
export function timeOf(date: string, time: string): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(time);
  if (!day || !clock) return Number.NaN;
  const [year, month, dayOfMonth, hours, minutes] = [...day.slice(1), ...clock.slice(1)].map(
    Number,
  ) as [number, number, number, number, number];
  const at = new Date(year, month - 1, dayOfMonth, hours, minutes);
  const real =
    at.getFullYear() === year &&
    at.getMonth() === month - 1 &&
    at.getDate() === dayOfMonth &&
    hours < 24 &&
    minutes < 60;
  return real ? at.getTime() : Number.NaN;
}

export function newSessionForm(
  at: number,
  keep: Partial<Pick<SessionForm, 'languages' | 'role' | 'durationMinutes'>> = {},
): SessionForm {
  return {
    date: localDate(at),
    time: localTime(at),
    attendees: 0,
    newAttendees: 0,
    languages: keep.languages ?? ['sv'],
    role: keep.role ?? 'volunteer',
    // Not noted until the volunteer picks a length; then the next session starts from it.
    durationMinutes: keep.durationMinutes ?? null,
  };
}

/** The next whole hour: a sensible default for a session planned ahead. */
export function nextWholeHour(now: number): number {
  const at = new Date(now);
  at.setMinutes(0, 0, 0);
  at.setHours(at.getHours() + 1);
  return at.getTime();
}

export function formDraft(topic: string | null, form: SessionForm): CourseDraft {
  return {
    topic,
    heldAt: timeOf(form.date, form.time),
    attendees: form.attendees,
    newAttendees: form.newAttendees,
    languages: form.languages,
    role: form.role,
    durationMinutes: form.durationMinutes,
  };
}

/** Turns a language on or off, keeping the fixed order of the vocabulary. */
export function toggleLanguage(
  languages: readonly HelpLanguage[],
  language: HelpLanguage,
): HelpLanguage[] {
  const next = new Set(languages);
  if (next.has(language)) next.delete(language);
  else next.add(language);
  return HELP_LANGUAGES.filter((code) => next.has(code));
}
