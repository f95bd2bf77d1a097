/**
 * Reads GET /api/v1/tally's query string. Kept strict and small: a staff tablet asks for one
 * day or shift at a time, so a window over 48 hours is a mistake, not a report (the admin
 * report covers all time).
 */
import { z } from 'zod/mini';
import { inTimeWindow, parseTime } from '../../../src/protocol/times';
import { describeIssue } from '../untrusted-input';

export const MAX_TALLY_SPAN_MS = 48 * 60 * 60_000;
/** UTC−14:00…UTC+14:00: every offset in use, in minutes. */
export const MAX_UTC_OFFSET_MINUTES = 14 * 60;

const tallyQuerySchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  utcOffsetMinutes: z
    .string()
    .check(z.regex(/^-?\d{1,4}$/, 'must be a whole number of minutes, such as 60 or -300')),
});

export const TALLY_QUERY_USAGE =
  'Expected ?from=<ISO time>&to=<ISO time>&utcOffsetMinutes=<-840 to 840>';

export type TallyQuery =
  { ok: true; from: Date; to: Date; utcOffsetMinutes: number } | { ok: false; problem: string };

/**
 * A query time through the protocol's one parser, in the window the collector stores: a year
 * 0000 or 9999 bound is a mistake, and handing it on is what made the database answer 500.
 */
export function parseQueryTime(
  name: string,
  text: string,
  now: Date,
): { ok: true; at: Date } | { ok: false; problem: string } {
  const parsed = parseTime(text, { precision: 'instant', offsets: true });
  if (!parsed.ok) return { ok: false, problem: `${name}: not a valid time: ${parsed.problem}` };
  if (!inTimeWindow(parsed.epochMs, now.getTime())) {
    return { ok: false, problem: `${name}: must lie between 2000-01-01 and 24 hours from now` };
  }
  return { ok: true, at: new Date(parsed.epochMs) };
}

export function parseTallyQuery(query: unknown, now = new Date()): TallyQuery {
  const parsed = tallyQuerySchema.safeParse(query);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return { ok: false, problem: issue ? describeIssue(issue, '(query)') : 'invalid' };
  }
  const fromTime = parseQueryTime('from', parsed.data.from, now);
  if (!fromTime.ok) return fromTime;
  const toTime = parseQueryTime('to', parsed.data.to, now);
  if (!toTime.ok) return toTime;
  const from = fromTime.at;
  const to = toTime.at;
  const utcOffsetMinutes = Number(parsed.data.utcOffsetMinutes);
  if (Math.abs(utcOffsetMinutes) > MAX_UTC_OFFSET_MINUTES) {
    return {
      ok: false,
      problem: `utcOffsetMinutes: must be between -${MAX_UTC_OFFSET_MINUTES} and ${MAX_UTC_OFFSET_MINUTES}`,
    };
  }
  if (!(from.getTime() < to.getTime())) {
    return { ok: false, problem: 'from must be before to' };
  }
  if (to.getTime() - from.getTime() > MAX_TALLY_SPAN_MS) {
    return { ok: false, problem: 'from and to may be at most 48 hours apart' };
  }
  return { ok: true, from, to, utcOffsetMinutes };
}
