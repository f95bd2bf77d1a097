/**
 * Dashboard query times per main view. They go through STATS's query functions
 * (`store.statistics.view(view, scope)`, read from its rollups) when the collector store has
 * them; until then through this file's stand-in: each view's numbers computed by SQL straight
 * from `events` (no rollups), which is what the dashboard would cost without them.
 */
import postgres from 'postgres';
import type { CollectorStore } from '../server/src/store/collector-store';

export const MAIN_VIEWS = [
  'visits',
  'questions',
  'busy-hours',
  'errands',
  'learning',
  'courses',
  'help-requests',
  'postcodes',
] as const;
export type MainView = (typeof MAIN_VIEWS)[number];

/** StatsScope of server/src/dashboard/statistics/statistics-store.ts (STATS). */
export interface Scope {
  helpPointIds: readonly string[];
  fromDay: string;
  toDay: string;
  channel?: string;
  language?: string;
}
type ViewFn = (view: MainView, scope: Scope) => Promise<{ total: number }>;

// Stockholm calendar days [from, to] as instants, and the rows of the scope's help points.
// = ANY(array), not IN (subquery): a plain condition PostgreSQL pushes into latest_questions.
const SCOPE = `help_point_id = ANY($1::text::text[])`;
const PERIOD = (column: string) =>
  `${column} >= ($2::date::timestamp AT TIME ZONE 'Europe/Stockholm')
   AND ${column} < (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`;
const events = (type: string, timeColumn = 'occurred_at') =>
  `FROM events WHERE type = '${type}' AND ${SCOPE} AND ${PERIOD(timeColumn)}`;
const questions = `FROM latest_questions WHERE ${SCOPE} AND ${PERIOD('helped_at')}`;

/** One statement per view: its rows (metric, code, value) and the headline total. */
const RAW_VIEW_SQL: Record<MainView, string | null> = {
  visits: `SELECT 'door' AS metric, d AS code, count(*)::integer AS value
    FROM (SELECT data ${events('visit')}) AS v
    CROSS JOIN LATERAL jsonb_array_elements_text(v.data->'doors') AS d GROUP BY d
    UNION ALL SELECT 'feedback', data->>'feedback', count(*)::integer ${events('visit')} GROUP BY 2
    UNION ALL SELECT 'total', NULL, count(*)::integer ${events('visit')}`,
  questions: `SELECT 'topic' AS metric, t AS code, sum(questions)::integer AS value
    ${questions.replace('WHERE', 'CROSS JOIN LATERAL jsonb_array_elements_text(helped_with) AS t WHERE')} GROUP BY t
    UNION ALL SELECT 'agency', data->>'agency', sum(questions)::integer ${questions} GROUP BY 2
    UNION ALL SELECT 'outcome', data->>'outcome', sum(questions)::integer ${questions} GROUP BY 2
    UNION ALL SELECT 'total', NULL, sum(questions)::integer ${questions}`,
  'busy-hours': `SELECT 'hour' AS metric,
      to_char(helped_at AT TIME ZONE 'Europe/Stockholm', 'ID-HH24') AS code,
      sum(questions)::integer AS value ${questions} GROUP BY 2`,
  errands: `SELECT 'errand' AS metric, data->>'errandId' AS code, count(*)::integer AS value
    ${events('errand-viewed')} GROUP BY 2
    UNION ALL SELECT 'found-by', data->>'foundBy', count(*)::integer ${events('errand-viewed')} GROUP BY 2
    UNION ALL SELECT 'choice', data->>'choice', count(*)::integer ${events('errand-viewed')} GROUP BY 2`,
  learning: `SELECT 'lesson' AS metric, data->>'lessonId' AS code, count(*)::integer AS value
    ${events('lesson')} GROUP BY 2
    UNION ALL SELECT 'completed', data->>'lessonId', count(*)::integer ${events('lesson')}
      AND (data->>'completed')::boolean GROUP BY 2
    UNION ALL SELECT 'testa', data->>'itemId', count(*)::integer ${events('tech-tried')} GROUP BY 2`,
  courses: `SELECT 'role' AS metric, data->>'role' AS code,
      sum((data->>'attendees')::integer)::integer AS value ${events('course-session')} GROUP BY 2
    UNION ALL SELECT 'new', NULL, sum((data->>'newAttendees')::integer)::integer
      ${events('course-session')}`,
  // Help requests are deleted after 24 h; only STATS's help_request_stats can answer this view.
  'help-requests': null,
  postcodes: `SELECT 'postcode' AS metric, data->>'postcodeArea' AS code,
      sum(questions)::integer AS value ${questions} AND data->>'postcodeArea' IS NOT NULL GROUP BY 2`,
};

export interface ViewSource {
  /** 'rollups (STATS)' or 'raw SQL over events (no rollups)'. */
  source: string;
  /** The views this source can answer. */
  views: MainView[];
  view: ViewFn;
}

/** STATS's functions if this build of the collector has them, else the raw-SQL stand-in. */
export function viewSource(store: CollectorStore, sql: postgres.Sql): ViewSource {
  const statistics = (store as unknown as { statistics?: { view: ViewFn } }).statistics;
  if (statistics) {
    return {
      source: "rollups, through STATS's store.statistics.view()",
      views: [...MAIN_VIEWS],
      view: (view, scope) => statistics.view(view, scope),
    };
  }
  return {
    source: 'raw SQL over events (STATS not merged: no rollups)',
    views: MAIN_VIEWS.filter((view) => RAW_VIEW_SQL[view] !== null),
    async view(view, scope) {
      const text = RAW_VIEW_SQL[view];
      if (!text) throw new Error(`no raw SQL for ${view}`);
      const rows = await sql.unsafe<{ metric: string; value: number | null }[]>(text, [
        `{${scope.helpPointIds.join(',')}}`,
        scope.fromDay,
        scope.toDay,
      ]);
      return { total: rows.reduce((sum, row) => sum + (row.value ?? 0), 0) };
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export interface ViewTiming {
  view: MainView;
  p50: number;
  p95: number;
}

/**
 * `samples` queries per view, each for a random "municipality" (`group` consecutive help
 * points) over a random `periodDays`-day period inside the loaded years.
 */
export async function timeViews(
  source: ViewSource,
  helpPointIds: string[],
  firstDay: Date,
  days: number,
  options: {
    samples: number;
    group: number;
    periodDays: number;
    random: () => number;
    /** A channel or language filter on every query (the rollups with those dimensions). */
    filter?: { channel?: string; language?: string };
  },
): Promise<ViewTiming[]> {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const timings: ViewTiming[] = [];
  for (const view of source.views) {
    const times: number[] = [];
    for (let i = 0; i < options.samples; i += 1) {
      const start = Math.floor(options.random() * Math.max(1, helpPointIds.length - options.group));
      const offset = Math.floor(options.random() * Math.max(1, days - options.periodDays));
      const from = firstDay.getTime() + offset * 86_400_000;
      const scope = {
        helpPointIds: helpPointIds.slice(start, start + options.group),
        fromDay: day(from),
        toDay: day(from + (options.periodDays - 1) * 86_400_000),
        ...options.filter,
      };
      const began = performance.now();
      await source.view(view, scope);
      times.push(performance.now() - began);
    }
    times.sort((a, b) => a - b);
    timings.push({ view, p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  return timings;
}
