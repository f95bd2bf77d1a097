/**
 * Reads GET /api/v1/tally's query string. Kept strict and small: a staff tablet asks for one
 * day or shift at a time, so a window over 48 hours is a mistake, not a report (the admin
 * report covers all time).
 */
import { z } from 'zod/mini';
import { describeIssue } from '../untrusted-input';

export const MAX_TALLY_SPAN_MS = 48 * 60 * 60_000;
/** UTC−14:00…UTC+14:00: every offset in use, in minutes. */
export const MAX_UTC_OFFSET_MINUTES = 14 * 60;

const tallyQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  utcOffsetMinutes: z
    .string()
    .check(z.regex(/^-?\d{1,4}$/, 'must be a whole number of minutes, such as 60 or -300')),
});

export const TALLY_QUERY_USAGE =
  'Expected ?from=<ISO time>&to=<ISO time>&utcOffsetMinutes=<-840 to 840>';

export type TallyQuery =
  { ok: true; from: Date; to: Date; utcOffsetMinutes: number } | { ok: false; problem: string };

export function parseTallyQuery(query: unknown): TallyQuery {
  const parsed = tallyQuerySchema.safeParse(query);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return { ok: false, problem: issue ? describeIssue(issue, '(query)') : 'invalid' };
  }
  const from = new Date(parsed.data.from);
  const to = new Date(parsed.data.to);
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
