/**
 * The one time parser of the protocol. The schema (envelope and payloads), the collector's
 * store and its query parameters all read times through it, so a time is judged once, as a
 * calendar date and not only as a pattern, and PGlite and PostgreSQL are only ever handed a
 * normalised instant they both read the same way (they disagree on year 0000, on a
 * 200-digit fraction and on 23:60, so neither may see such an input).
 */

/** The earliest time the collector stores or queries: older is a device with a reset clock. */
export const TIME_WINDOW_START_MS = Date.UTC(2000, 0, 1);
/** A device clock may run ahead of the collector's by at most this much. */
export const TIME_WINDOW_AHEAD_MS = 24 * 60 * 60_000;

/** Fractions of a second beyond this many digits are refused, not rounded: nothing sends them. */
export const MAX_FRACTION_DIGITS = 9;

export type TimeParse =
  { ok: true; epochMs: number; normalised: string } | { ok: false; problem: string };

const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

export const MINUTE_TIME_RULE = 'must be a real UTC time to the minute, YYYY-MM-DDTHH:MMZ';
export const INSTANT_TIME_RULE =
  'must be a real ISO 8601 UTC time, YYYY-MM-DDTHH:MM:SS[.fff]Z, at most 9 fraction digits';
export const QUERY_TIME_RULE =
  'must be a real ISO 8601 time with Z or an offset, such as 2026-11-21T00:00:00+01:00';

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface ParseOptions {
  /** 'minute': exactly YYYY-MM-DDTHH:MMZ. 'instant': seconds required, fraction optional. */
  precision: 'minute' | 'instant';
  /** Accept ±HH:MM as well as Z (query parameters; events are always UTC). */
  offsets?: boolean;
}

/** Reads a time as a real calendar instant, or says why it is not one. Never throws. */
export function parseTime(text: unknown, options: ParseOptions): TimeParse {
  const rule =
    options.precision === 'minute'
      ? MINUTE_TIME_RULE
      : options.offsets
        ? QUERY_TIME_RULE
        : INSTANT_TIME_RULE;
  // The pattern bounds the length, so a huge string costs one failed match at most.
  if (typeof text !== 'string' || text.length > 40) return { ok: false, problem: rule };
  const match = INSTANT_PATTERN.exec(text);
  if (!match) return { ok: false, problem: rule };
  const [, y, mo, d, h, mi, s, fraction, zone] = match as unknown as string[];
  const hasSeconds = s !== undefined;
  if (options.precision === 'minute' ? hasSeconds || zone !== 'Z' : !hasSeconds) {
    return { ok: false, problem: rule };
  }
  if (zone !== 'Z' && !options.offsets) return { ok: false, problem: rule };
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (
    year < 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, problem: `${rule} (no such date or time of day)` };
  }
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [oh, om] = zone.slice(1).split(':').map(Number) as [number, number];
    if (oh > 14 || om > 59) return { ok: false, problem: `${rule} (no such UTC offset)` };
    offsetMinutes = sign * (oh * 60 + om);
  }
  // Milliseconds are all either database keeps alike; finer digits are cut, never rounded up
  // into the next second.
  const millis = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const epochMs = date.getTime() - offsetMinutes * 60_000;
  const iso = new Date(epochMs).toISOString();
  return {
    ok: true,
    epochMs,
    normalised: options.precision === 'minute' ? iso.slice(0, 16) + 'Z' : iso,
  };
}

export const isRealMinute = (text: unknown) => parseTime(text, { precision: 'minute' }).ok;
export const isRealInstant = (text: unknown) => parseTime(text, { precision: 'instant' }).ok;

/** Whether a time lies in the window the collector stores: 2000-01-01 to receivedAt + 24 h. */
export function inTimeWindow(epochMs: number, receivedAtMs: number): boolean {
  return epochMs >= TIME_WINDOW_START_MS && epochMs <= receivedAtMs + TIME_WINDOW_AHEAD_MS;
}

/**
 * A stored instant in its one canonical form (UTC, milliseconds). Throws on anything else:
 * the store calls it on validated events only, so a throw is a bug, never a visitor's input.
 */
export function normalisedInstant(text: string): string {
  const parsed = parseTime(text, { precision: 'instant' });
  if (!parsed.ok) throw new RangeError(`not a valid instant: ${parsed.problem}`);
  return parsed.normalised;
}

/** Truncates a time to the minute, in UTC, as the envelope's minute fields require. */
export function toMinute(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16) + 'Z';
}
