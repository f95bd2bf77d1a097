/**
 * One view's chart, drawn by @observablehq/plot as SVG. Bars carry their value as text and the
 * two compared series sit in separate labelled panels, so colour never carries meaning alone.
 * Busy hours are a weekday × hour heatmap whose cells also print their count.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { ViewId, ViewResponse } from '../api-types';

/** Dark blue on white: 10:1 contrast for bars, text stays the page's own colour. */
const BAR = '#0b3d91';

export function Chart(props: {
  view: ViewId;
  response: ViewResponse;
  label: string;
  labelOf: (key: string) => string;
}) {
  const { view, response, label, labelOf } = props;
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = holder.current;
    if (!node) return;
    const data = response.series.flatMap((series) =>
      series.rows.map((row) => ({
        series: series.label,
        key: labelOf(row.key),
        value: row.value,
        ...row.dims,
      })),
    );
    const compare = response.series.length > 1;
    const width = Math.max(320, Math.min(node.clientWidth || 720, 960));
    const chart =
      view === 'busy-hours'
        ? Plot.plot({
            width,
            style: { fontSize: '14px' },
            ariaLabel: label,
            padding: 0.05,
            fy: compare ? { label: null } : undefined,
            x: { label: 'h', type: 'band' },
            y: { label: null, type: 'band' },
            color: { type: 'linear', range: ['#e8eef9', BAR] },
            marks: [
              Plot.cell(data, {
                x: 'hour',
                y: 'weekday',
                fy: compare ? 'series' : undefined,
                fill: 'value',
                inset: 0.5,
              }),
              Plot.text(data, {
                x: 'hour',
                y: 'weekday',
                fy: compare ? 'series' : undefined,
                text: 'value',
                fill: (d: { value: number }) => (d.value > maxOf(data) / 2 ? 'white' : 'black'),
              }),
            ],
          })
        : Plot.plot({
            width,
            marginLeft: 180,
            style: { fontSize: '14px' },
            ariaLabel: label,
            fy: compare ? { label: null } : undefined,
            x: { label: null, grid: true },
            y: { label: null },
            marks: [
              Plot.barX(data, {
                y: 'key',
                x: 'value',
                fy: compare ? 'series' : undefined,
                fill: BAR,
                sort: { y: '-x' },
              }),
              Plot.text(data, {
                y: 'key',
                x: 'value',
                fy: compare ? 'series' : undefined,
                text: 'value',
                dx: 4,
                textAnchor: 'start',
                fill: 'black',
              }),
              Plot.ruleX([0]),
            ],
          });
    // Plot labels its mark groups with aria-label on plain <g> elements, which ARIA does not
    // allow there. The chart is one image named by the view (the table beside it carries every
    // figure), so its parts are left unlabelled.
    chart.querySelectorAll('g[aria-label]').forEach((group) => group.removeAttribute('aria-label'));
    const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
    svg?.setAttribute('role', 'img');
    svg?.setAttribute('aria-label', label);
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [view, response, label, labelOf]);

  return <div className="chart" ref={holder} />;
}

function maxOf(data: { value: number }[]): number {
  return data.reduce((max, d) => Math.max(max, d.value), 0);
}
