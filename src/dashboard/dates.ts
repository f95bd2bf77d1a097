/** Calendar days as the collector counts them: Europe/Stockholm (contract B). */
const DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function stockholmDay(date: Date): string {
  return DAY.format(date);
}

export function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** The default period: the last 30 days up to today. */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const to = stockholmDay(now);
  return { from: daysBefore(to, 29), to };
}

/** The period just before [from, to], of the same length, for "compare with the period before". */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return { from: daysBefore(from, length), to: daysBefore(from, 1) };
}
