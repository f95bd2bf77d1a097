/**
 * The settings form's text fields for hours, one period a line ("mon tue 10:00-16:00",
 * "skatteverket tue 14:00-16:00"), parsed to the kiosk config's shapes. Pure, so it is unit
 * tested; the collector checks the result again with the kiosk's own schemas.
 */
import { WEEKDAYS, type Weekday } from '../lib/kiosk-config';
import { AGENCIES, type Agency } from '../protocol/vocabulary';

export interface Hours {
  days: Weekday[];
  from: string;
  to: string;
}
export type Parsed<T> = { ok: true; value: T } | { ok: false; line: number };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function parseHoursLine(words: string[]): Hours | null {
  const range = words.pop() ?? '';
  const [from = '', to = ''] = range.split('-');
  const days = words.map((w) => w.toLowerCase());
  if (!TIME.test(from) || !TIME.test(to) || from >= to) return null;
  if (
    days.length === 0 ||
    !days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d))
  )
    return null;
  return { days: days as Weekday[], from, to };
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim());
}

export function parseStaffedHours(text: string): Parsed<Hours[]> {
  const value: Hours[] = [];
  for (const [index, line] of lines(text).entries()) {
    if (!line) continue;
    const hours = parseHoursLine(line.split(/\s+/));
    if (!hours) return { ok: false, line: index + 1 };
    value.push(hours);
  }
  return { ok: true, value };
}

export function parseAgencyHours(text: string): Parsed<(Hours & { agency: Agency })[]> {
  const value: (Hours & { agency: Agency })[] = [];
  for (const [index, line] of lines(text).entries()) {
    if (!line) continue;
    const [agency = '', ...rest] = line.split(/\s+/);
    const hours = parseHoursLine(rest);
    if (!hours || !(AGENCIES as readonly string[]).includes(agency))
      return { ok: false, line: index + 1 };
    value.push({ agency: agency as Agency, ...hours });
  }
  return { ok: true, value };
}

export function formatHours(hours: readonly (Hours & { agency?: string })[] | undefined): string {
  return (hours ?? [])
    .map((h) => [h.agency, ...h.days, `${h.from}-${h.to}`].filter(Boolean).join(' '))
    .join('\n');
}

/** A local errands/lessons upload: JSON with a list of items, previewed by their ids and titles. */
export function previewLocalContent(text: string): Parsed<{ data: unknown; items: string[] }> {
  try {
    const data: unknown = JSON.parse(text);
    const list = Array.isArray(data)
      ? data
      : data && typeof data === 'object'
        ? (Object.values(data).find(Array.isArray) ?? null)
        : null;
    if (!list) return { ok: false, line: 1 };
    const items = list.map((item: unknown) => {
      const record = (item ?? {}) as { id?: unknown; title?: unknown };
      const title =
        typeof record.title === 'object' && record.title
          ? (record.title as { sv?: unknown }).sv
          : record.title;
      return [record.id, title].filter((part) => typeof part === 'string').join(': ');
    });
    return { ok: true, value: { data, items } };
  } catch {
    return { ok: false, line: 1 };
  }
}
