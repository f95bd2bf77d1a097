/**
 * The help-requests view, from help_request_stats (one small row per request, kept after the
 * request itself is deleted): how many, how they ended, and how fast staff answered.
 */
import type { ViewRow } from '../../../../src/protocol/dashboard';
import type { SqlRunner } from '../../store/sql-driver';
import type { StatsScope, ViewData } from './statistics-store';

/** Answer-time bands, in seconds (upper bound exclusive). */
export const ANSWER_BANDS = [
  { code: 'under-1-min', below: 60 },
  { code: '1-5-min', below: 300 },
  { code: '5-15-min', below: 900 },
  { code: 'over-15-min', below: Number.POSITIVE_INFINITY },
] as const;

interface StatRow {
  outcome: string;
  answered_after_seconds: number | null;
  n: string | number;
}

export async function helpRequestView(runner: SqlRunner, scope: StatsScope): Promise<ViewData> {
  // Help requests come from kiosks only.
  if (scope.channel !== undefined && scope.channel !== 'kiosk') return { total: 0, rows: [] };
  const params: unknown[] = [JSON.stringify(scope.helpPointIds), scope.fromDay, scope.toDay];
  let where = '';
  if (scope.language !== undefined) {
    params.push(scope.language);
    where = ` AND language = $4`;
  }
  const stats = await runner.query<StatRow>(
    `SELECT outcome, answered_after_seconds, count(*)::bigint AS n FROM help_request_stats
     WHERE help_point_id IN (SELECT jsonb_array_elements_text($1::text::jsonb))
       AND day >= $2::date AND day <= $3::date ${where}
     GROUP BY outcome, answered_after_seconds`,
    params,
  );
  const counts = new Map<string, number>();
  const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
  const answered: { seconds: number; n: number }[] = [];
  let total = 0;
  for (const row of stats) {
    const n = Number(row.n);
    total += n;
    add(`outcome:${row.outcome}`, n);
    if (row.answered_after_seconds === null) {
      add('answered-within:not-answered', n);
      continue;
    }
    const seconds = row.answered_after_seconds;
    answered.push({ seconds, n });
    add(`answered-within:${ANSWER_BANDS.find((band) => seconds < band.below)?.code}`, n);
  }
  const rows: ViewRow[] = [
    { key: 'requests:', dims: { metric: 'requests', code: '' }, value: total },
  ];
  for (const [key, value] of [...counts].sort()) {
    const [metric = '', code = ''] = key.split(':');
    rows.push({ key, dims: { metric, code }, value });
  }
  const median = medianSeconds(answered);
  if (median !== null)
    rows.push({
      key: 'median-seconds:',
      dims: { metric: 'median-seconds', code: '' },
      value: median,
    });
  return { total, rows };
}

/** The lower median of the answer times (a real answer time, never an average of two). */
export function medianSeconds(answered: { seconds: number; n: number }[]): number | null {
  const count = answered.reduce((sum, a) => sum + a.n, 0);
  if (count === 0) return null;
  const sorted = [...answered].sort((a, b) => a.seconds - b.seconds);
  let seen = 0;
  for (const a of sorted) {
    seen += a.n;
    if (seen >= Math.ceil(count / 2)) return a.seconds;
  }
  return null;
}
