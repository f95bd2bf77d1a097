/**
 * Calendar-day arithmetic on YYYY-MM-DD strings. The days are already Europe/Stockholm days
 * (migration 008 files every event under its Stockholm day), so this is plain date maths in
 * UTC, free of any daylight-saving hour.
 */
const DAY_MS = 86_400_000;

function parse(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return format(parse(day) + days * DAY_MS);
}

/** Days from `from` to `to`, both included (0 when to is before from). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((parse(to) - parse(from)) / DAY_MS) + 1);
}

function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function firstOfNextMonth(day: string): string {
  const date = new Date(parse(day));
  return format(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
}

/**
 * The whole calendar months inside [from, to], as [monthFrom, monthTo): the rest of the
 * period is read day by day. Empty (monthFrom = monthTo) when no month fits whole.
 */
export function monthSpan(from: string, to: string): { from: string; to: string } {
  const start = from.endsWith('-01') ? from : firstOfNextMonth(from);
  const afterTo = addDays(to, 1);
  const end = afterTo.endsWith('-01') ? afterTo : firstOfMonth(to);
  return start < end ? { from: start, to: end } : { from: start, to: start };
}

/** The Stockholm calendar day of an instant. */
export function stockholmDay(at: Date): string {
  // sv-SE formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
