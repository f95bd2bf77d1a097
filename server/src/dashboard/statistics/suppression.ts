/**
 * Small-cell suppression for the agency report, which leaves the municipality. A count of 1
 * or 2 is shown as "<3". Where cells add up to a shown figure (the outcomes, the errands and
 * the months each add up to the total), one hidden cell could be worked out by subtraction,
 * so more cells of that group are hidden (the smallest first) until none of the hidden ones
 * can be worked out from the others; and the total itself
 * is rounded to the nearest 5, so even two hidden cells cannot be pinned down from it.
 * Obstacles do not add up to anything (a visitor may meet several, or none), so they only
 * get the "<3" rule.
 */
import type { AgencyFeedbackRow, SuppressedCell } from '../../../../src/protocol/dashboard';
import { SMALL_CELL_LIMIT } from './counting-rules';

export const TOTAL_ROUNDING = 5;

function small(n: number): boolean {
  return n > 0 && n < SMALL_CELL_LIMIT;
}

/**
 * Could a reader who knows the group's sum (the exact total, from a group shown in full)
 * work out any hidden cell? They know a "<3" cell is 1 or 2 and any other hidden cell is 3
 * or more. With only "<3" cells the sum must leave room for both a 1 and a 2; with larger
 * cells hidden too, the sum must leave each of them at least one unit of slack.
 */
export function hiddenCellsDeterminable(smallHidden: number, largeHidden: number, sum: number) {
  if (smallHidden + largeHidden === 0) return false;
  if (smallHidden + largeHidden === 1) return true;
  if (largeHidden === 0) return sum === smallHidden || sum === 2 * smallHidden;
  return sum < 3 * largeHidden + smallHidden + 1;
}

/** One group of cells that adds up to the total. */
export function suppressGroup(
  cells: Record<string, number>,
): Record<string, SuppressedCell> | null {
  const hidden = new Set(
    Object.entries(cells)
      .filter(([, n]) => small(n))
      .map(([code]) => code),
  );
  const hiddenSum = () => [...hidden].reduce((sum, code) => sum + (cells[code] ?? 0), 0);
  const largeHidden = () => [...hidden].filter((code) => !small(cells[code] ?? 0)).length;
  // Hide the smallest other cells until no hidden cell can be worked out.
  while (
    hidden.size > 0 &&
    hiddenCellsDeterminable(hidden.size - largeHidden(), largeHidden(), hiddenSum())
  ) {
    const next = Object.entries(cells)
      .filter(([code, n]) => !hidden.has(code) && n > 0)
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0];
    if (!next) break; // all hidden: only the rounded total is left
    hidden.add(next[0]);
  }
  const out: Record<string, SuppressedCell> = {};
  if (hiddenCellsDeterminable(hidden.size - largeHidden(), largeHidden(), hiddenSum())) {
    // Everything is hidden and "<3" still gives a cell away (1 + 3 = 4): show no "<3" at
    // all, so each hidden cell is only known to be 1 or more; if even that gives one away
    // (one cell, or all ones), the group is left out.
    if (hidden.size < 2 || hiddenSum() === hidden.size) return null;
    for (const [code, n] of Object.entries(cells)) out[code] = hidden.has(code) ? 'suppressed' : n;
    return out;
  }
  for (const [code, n] of Object.entries(cells))
    out[code] = hidden.has(code) ? (small(n) ? '<3' : 'suppressed') : n;
  return out;
}

export function roundedTotal(total: number): SuppressedCell {
  if (small(total)) return '<3';
  return Math.round(total / TOTAL_ROUNDING) * TOTAL_ROUNDING;
}

export interface AgencyCellsInput {
  total: number;
  obstacle: Record<string, number>;
  outcome: Record<string, number>;
  errand: Record<string, number>;
  month: Record<string, number>;
}

export function suppressAgencyCells(
  counts: AgencyCellsInput,
  options: { errandGroup: boolean } = { errandGroup: true },
): AgencyFeedbackRow[] {
  // Records without an errand make the errand group add up to the total as well.
  const named = Object.values(counts.errand).reduce((sum, n) => sum + n, 0);
  const errands = { ...counts.errand, none: counts.total - named };
  if (errands.none === 0) delete (errands as Record<string, number>).none;
  const rows: AgencyFeedbackRow[] = [
    { section: 'total', code: '', value: roundedTotal(counts.total) },
  ];
  const group = (
    section: AgencyFeedbackRow['section'],
    cells: Record<string, SuppressedCell> | null,
  ) => {
    if (cells === null) return;
    for (const code of Object.keys(cells).sort())
      rows.push({ section, code, value: cells[code] as SuppressedCell });
  };
  if (small(counts.total)) return rows; // nothing more may be shown of so few
  group('outcome', suppressGroup(counts.outcome));
  // A report on one errand has no errand breakdown.
  if (options.errandGroup) group('errand', suppressGroup(errands));
  group('month', suppressGroup(counts.month));
  group(
    'obstacle',
    Object.fromEntries(
      Object.entries(counts.obstacle).map(([code, n]) => [code, small(n) ? '<3' : n]),
    ),
  );
  return rows;
}
