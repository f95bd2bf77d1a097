/**
 * Pure helpers that turn a view's answer into what the page shows: the rows of the visible
 * table (one column per series when comparing) and the facts of the one-sentence summary, so
 * the chart, the table and the sentence always say the same thing.
 */
import type { Series, ViewResponse } from './api-types';

export interface TableModel {
  /** The dimension names, in the order of the first row. */
  dims: string[];
  /** One column per series (two when comparing). */
  seriesLabels: string[];
  rows: { key: string; dims: Record<string, string | number>; values: (number | null)[] }[];
}

export function tableModel(response: ViewResponse): TableModel {
  const dims = Object.keys(response.series[0]?.rows[0]?.dims ?? {});
  const byKey = new Map<string, TableModel['rows'][number]>();
  response.series.forEach((series, index) => {
    for (const row of series.rows) {
      let entry = byKey.get(row.key);
      if (!entry) {
        entry = { key: row.key, dims: row.dims, values: response.series.map(() => null) };
        byKey.set(row.key, entry);
      }
      entry.values[index] = row.value;
    }
  });
  return { dims, seriesLabels: response.series.map((s) => s.label), rows: [...byKey.values()] };
}

export interface SummaryFacts {
  total: number;
  top: { key: string; value: number } | null;
  /** Only when comparing: the second series' total and the change from the first, in percent. */
  compared: { total: number; changePercent: number | null } | null;
}

function topRow(series: Series): SummaryFacts['top'] {
  let top: SummaryFacts['top'] = null;
  for (const row of series.rows) if (!top || row.value > top.value) top = row;
  return top && { key: top.key, value: top.value };
}

export function summaryFacts(response: ViewResponse): SummaryFacts | null {
  const [first, second] = response.series;
  if (!first) return null;
  return {
    total: first.total,
    top: topRow(first),
    compared: second
      ? {
          total: second.total,
          changePercent:
            first.total === 0
              ? null
              : Math.round(((second.total - first.total) / first.total) * 100),
        }
      : null,
  };
}
