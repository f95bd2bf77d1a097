/**
 * Agency drop-in hours ("Skatteverket is here on Tuesdays 14–16"), set per help point and
 * shown to visitors beside the staffed hours. Agency names are proper names and stay in
 * Swedish (as on the errand pages), marked lang="sv" where they are shown.
 */
import type { Agency } from '../protocol/vocabulary';

/** The agencies that hold drop-in hours at help points (no "bank" or "other"). */
export const DROP_IN_AGENCIES = [
  'skatteverket',
  'forsakringskassan',
  'arbetsformedlingen',
  'pensionsmyndigheten',
  'csn',
  'migrationsverket',
  'polisen',
  'transportstyrelsen',
  'trafikverket',
  'kronofogden',
  'region-1177',
] as const satisfies readonly Agency[];
export type DropInAgency = (typeof DROP_IN_AGENCIES)[number];

export const AGENCY_NAMES_SV: Readonly<Record<DropInAgency, string>> = {
  skatteverket: 'Skatteverket',
  forsakringskassan: 'Försäkringskassan',
  arbetsformedlingen: 'Arbetsförmedlingen',
  pensionsmyndigheten: 'Pensionsmyndigheten',
  csn: 'CSN',
  migrationsverket: 'Migrationsverket',
  polisen: 'Polisen',
  transportstyrelsen: 'Transportstyrelsen',
  trafikverket: 'Trafikverket',
  kronofogden: 'Kronofogden',
  'region-1177': 'Regionen (1177)',
};

const DAY_INDEX = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The weekday code of a date on the kiosk's own clock. */
export function weekdayOf(date: Date): (typeof DAY_INDEX)[number] {
  return DAY_INDEX[date.getDay()] ?? 'mon';
}

/** The rows that fall on `day`, earliest first. */
export function rowsOn<R extends { days: readonly string[]; from: string }>(
  rows: readonly R[],
  day: string,
): R[] {
  return rows.filter((row) => row.days.includes(day)).sort((a, b) => a.from.localeCompare(b.from));
}
