/**
 * The StatisticsStore in SQL, over the rollups of migrations 008 and 011, for both drivers. A period
 * reads whole months from stat_monthly and only the days at its ends from stat_daily, so a
 * year costs about as much as a month. Help point lists go in as JSON text: both drivers pass
 * a string alike, arrays they do not.
 */
import type { ViewId, ViewRow } from '../../../../src/protocol/dashboard';
import type { SqlDriver } from '../../store/sql-driver';
import { monthSpan } from './days';
import type {
  AgencyCounts,
  QuestionRecordRow,
  StatisticsStore,
  StatsScope,
  ViewData,
} from './statistics-store';
import { helpRequestView } from './help-request-view';
import { rowFor, viewTotal } from './counting-rules';

interface SumRow {
  metric: string;
  code: string;
  n: string | number;
}

/**
 * Parameters $1 view, $2 help points (JSON), $3 from, $4 to, $5 month from, $6 month to; then
 * filters. Whole months from the monthly rollup, the days before and after them from the
 * daily one, each part one index range per help point.
 */
function rollupSql(scope: StatsScope, extra: string): { sql: string; filters: string[] } {
  const filters: string[] = [];
  // = ANY(ARRAY(…)): the list is computed once and becomes part of the index condition, so
  // each help point is one index range; IN (SELECT …) may be planned as a scan of every help
  // point's rows joined to the list.
  let where = `view = $1 AND help_point_id = ANY(ARRAY(SELECT jsonb_array_elements_text($2::text::jsonb)))`;
  if (scope.channel !== undefined) {
    filters.push(scope.channel);
    where += ` AND channel = $${6 + filters.length}`;
  }
  if (scope.language !== undefined) {
    filters.push(scope.language);
    where += ` AND language = $${6 + filters.length}`;
  }
  where += extra;
  // Without a channel or language filter, the rollups summed over both (migration 011).
  const all = filters.length === 0 ? '_all' : '';
  const sql = `
    SELECT metric, code, sum(value)::bigint AS n FROM (
      SELECT metric, code, value FROM stat_monthly${all}
      WHERE ${where} AND month >= $5::date AND month < $6::date
      UNION ALL
      SELECT metric, code, value FROM stat_daily${all}
      WHERE ${where} AND day >= $3::date AND day <= $4::date AND day < $5::date
      UNION ALL
      SELECT metric, code, value FROM stat_daily${all}
      WHERE ${where} AND day >= $3::date AND day <= $4::date AND day >= $6::date
    ) AS parts
    GROUP BY metric, code
    HAVING sum(value) <> 0
    ORDER BY metric, code`;
  return { sql, filters };
}

export function createSqlStatisticsStore(driver: SqlDriver): StatisticsStore {
  async function sums(view: string, scope: StatsScope, extra = '', extraParams: string[] = []) {
    const span = monthSpan(scope.fromDay, scope.toDay);
    const { sql, filters } = rollupSql(
      scope,
      extra.replaceAll('$X', `$${7 + countFilters(scope)}`),
    );
    const rows = await driver.query<SumRow>(sql, [
      view,
      JSON.stringify(scope.helpPointIds),
      scope.fromDay,
      scope.toDay,
      span.from,
      span.to,
      ...filters,
      ...extraParams,
    ]);
    return rows.map((row) => ({ metric: row.metric, code: row.code, n: Number(row.n) }));
  }

  return {
    async view(view: ViewId, scope: StatsScope): Promise<ViewData> {
      if (view === 'help-requests') return helpRequestView(driver, scope);
      const rows: ViewRow[] = (await sums(view, scope)).map((sum) => rowFor(view, sum));
      return { total: viewTotal(view, rows), rows };
    },

    async questionRecords(scope: StatsScope): Promise<QuestionRecordRow[]> {
      const params: unknown[] = [JSON.stringify(scope.helpPointIds), scope.fromDay, scope.toDay];
      let where = '';
      if (scope.channel !== undefined) {
        params.push(scope.channel);
        where += ` AND data->>'channel' = $${params.length}`;
      }
      if (scope.language !== undefined) {
        params.push(scope.language);
        where += ` AND data->>'language' = $${params.length}`;
      }
      const rows = await driver.query<{
        help_point_id: string;
        day: string;
        time: string;
        data: unknown;
      }>(
        `SELECT help_point_id, to_char(day, 'YYYY-MM-DD') AS day,
           to_char(hp_stockholm((data->>'helpedAt')::timestamptz), 'HH24:MI') AS time, data
         FROM question_records
         WHERE NOT withdrawn AND data IS NOT NULL
           AND help_point_id IN (SELECT jsonb_array_elements_text($1::text::jsonb))
           AND day >= $2::date AND day <= $3::date ${where}
         ORDER BY day, time, help_point_id, record_id`,
        params,
      );
      return rows.map((row) => ({
        helpPointId: row.help_point_id,
        day: row.day,
        time: row.time,
        data: (typeof row.data === 'string'
          ? JSON.parse(row.data)
          : row.data) as QuestionRecordRow['data'],
      }));
    },

    async agencyCounts(scope, agency, errand): Promise<AgencyCounts> {
      const prefix = `${agency}|${errand ?? '*'}`;
      const counts: AgencyCounts = { total: 0, obstacle: {}, outcome: {}, errand: {}, month: {} };
      for (const sum of await sums('agency', scope, ` AND code LIKE $X`, [`${prefix}%`])) {
        const parts = sum.code.split('|');
        if (`${parts[0]}|${parts[1]}` !== prefix) continue;
        const code = parts[2] ?? '';
        if (sum.metric === 'total') counts.total += sum.n;
        else if (sum.metric === 'obstacle' || sum.metric === 'outcome' || sum.metric === 'errand')
          counts[sum.metric][code] = sum.n;
      }
      // The trend: per month, from the monthly rollup clipped to the period's days.
      const months = await driver.query<{ month: string; n: string | number }>(
        `SELECT to_char(day, 'YYYY-MM') AS month, sum(value)::bigint AS n FROM stat_daily_all
         WHERE view = 'agency' AND metric = 'total' AND code = $1
           AND help_point_id = ANY(ARRAY(SELECT jsonb_array_elements_text($2::text::jsonb)))
           AND day >= $3::date AND day <= $4::date
         GROUP BY 1 HAVING sum(value) <> 0 ORDER BY 1`,
        [prefix, JSON.stringify(scope.helpPointIds), scope.fromDay, scope.toDay],
      );
      for (const row of months) counts.month[row.month] = Number(row.n);
      return counts;
    },

    async helpPointNames(ids) {
      const rows = await driver.query<{ id: string; name: string }>(
        `SELECT id, name FROM help_points
         WHERE id IN (SELECT jsonb_array_elements_text($1::text::jsonb)) ORDER BY id`,
        [JSON.stringify(ids)],
      );
      return new Map(rows.map((row) => [row.id, row.name]));
    },
  };
}

function countFilters(scope: StatsScope): number {
  return (scope.channel !== undefined ? 1 : 0) + (scope.language !== undefined ? 1 : 0);
}
