/**
 * The agency report's small-cell suppression cannot be undone by subtracting: for many
 * generated groups, a reader who knows the group's exact sum (the worst case: another group
 * shown in full gives it away) and the rule ("<3" is 1 or 2, "suppressed" is 3 or more, or 1
 * or more when a group shows no "<3") still finds at least two values for every hidden cell.
 */
import { describe, expect, it } from 'vitest';
import {
  suppressAgencyCells,
  suppressGroup,
} from '../../server/src/dashboard/statistics/suppression';
import type { SuppressedCell } from '../../src/protocol/dashboard';
import { seededRandom } from '../server/statistics-data';

/** Every value each hidden cell can take, given the sum of the group. */
function possibleValues(
  shown: Record<string, SuppressedCell>,
  sum: number,
): Map<string, Set<number>> {
  const hidden = Object.entries(shown).filter(([, v]) => typeof v === 'string');
  const uniform = !hidden.some(([, v]) => v === '<3');
  const rest =
    sum - Object.values(shown).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
  const domains = hidden.map(([, v]) =>
    v === '<3'
      ? [1, 2]
      : Array.from({ length: rest }, (_, i) => i + (uniform ? 1 : 3)).filter((n) => n <= rest),
  );
  const seen = new Map(hidden.map(([code]) => [code, new Set<number>()]));
  const walk = (i: number, left: number, picked: number[]) => {
    if (i === domains.length) {
      if (left === 0) picked.forEach((n, j) => seen.get(hidden[j]?.[0] ?? '')?.add(n));
      return;
    }
    for (const n of domains[i] ?? []) if (n <= left) walk(i + 1, left - n, [...picked, n]);
  };
  walk(0, rest, []);
  return seen;
}

describe('small-cell suppression', () => {
  it('never leaves a hidden cell that subtraction pins down (2,000 generated groups)', () => {
    const random = seededRandom(42);
    let hiddenSeen = 0;
    for (let round = 0; round < 2000; round += 1) {
      const size = 2 + Math.floor(random() * 4);
      const cells: Record<string, number> = {};
      for (let i = 0; i < size; i += 1)
        cells[`c${i}`] = Math.floor(random() * (random() < 0.5 ? 3 : 9));
      const sum = Object.values(cells).reduce((a, b) => a + b, 0);
      if (sum < 3) continue;
      const shown = suppressGroup(cells);
      if (shown === null) continue; // the group is left out: nothing to subtract
      for (const [code, value] of Object.entries(shown)) {
        if (typeof value === 'number') expect(value).toBe(cells[code]);
        else {
          hiddenSeen += 1;
          // Every cell under 3 is hidden, and "<3" is never shown for a larger one.
          if (value === '<3') expect(cells[code]).toBeLessThan(3);
        }
        if ((cells[code] ?? 0) > 0 && (cells[code] ?? 0) < 3) expect(typeof value).toBe('string');
      }
      for (const [code, values] of possibleValues(shown, sum)) {
        expect(values.has(cells[code] ?? -1), `${JSON.stringify(cells)} ${code}`).toBe(true);
        expect(values.size, `${JSON.stringify(cells)} → ${JSON.stringify(shown)}`).toBeGreaterThan(
          1,
        );
      }
    }
    expect(hiddenSeen).toBeGreaterThan(500);
  });

  it('hides a second cell where one "<3" could be subtracted back', () => {
    expect(suppressGroup({ solved: 10, referred: 2, 'not-solved': 5 })).toEqual({
      solved: 10,
      referred: '<3',
      'not-solved': 'suppressed',
    });
    // 1 + 3 = 4 would give both away: a third cell goes too.
    expect(suppressGroup({ a: 1, b: 3, c: 6, d: 9 })).toEqual({
      a: '<3',
      b: 'suppressed',
      c: 'suppressed',
      d: 9,
    });
  });

  it('rounds the total, and shows only "<3" for a report of one or two visitors', () => {
    const rows = suppressAgencyCells({
      total: 12,
      outcome: { solved: 11, referred: 1 },
      obstacle: { language: 2, 'e-service-hard': 7 },
      errand: { deklarera: 12 },
      month: { '2026-03': 12 },
    });
    expect(rows.find((r) => r.section === 'total')?.value).toBe(10);
    expect(rows.filter((r) => r.section === 'outcome').map((r) => r.value)).toEqual([
      '<3',
      'suppressed',
    ]);
    expect(rows.find((r) => r.code === 'language')?.value).toBe('<3');
    expect(
      suppressAgencyCells({
        total: 2,
        outcome: { solved: 2 },
        obstacle: {},
        errand: {},
        month: {},
      }),
    ).toEqual([{ section: 'total', code: '', value: '<3' }]);
  });
});
