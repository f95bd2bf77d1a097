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
    const compare = response.series.length > 1;
    const width = Math.max(320, Math.min(node.clientWidth || 720, 960));
    // One chart per metric (counts and, say, median seconds never share an axis).
    const metrics = [
      ...new Set(
        response.series.flatMap((s) => s.rows.map((row) => String(row.dims.metric ?? ''))),
      ),
    ];
    const charts = metrics.map((metric) => {
      const data = response.series.flatMap((series) =>
        series.rows
          .filter((row) => String(row.dims.metric ?? '') === metric)
          .map((row) => ({
            ...row.dims,
            series: series.label,
            key: labelOf(row.key),
            value: row.value,
          })),
      );
      const chart =
        view === 'busy-hours' ? heatmap(data, width, compare) : bars(data, width, compare);
      // Plot labels its mark groups with aria-label on plain <g> elements, which ARIA does not
      // allow there. Each chart is one image named by the view and metric (the table beside it
      // carries every figure), so its parts are left unlabelled.
      chart
        .querySelectorAll('g[aria-label]')
        .forEach((group) => group.removeAttribute('aria-label'));
      const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
      svg?.setAttribute('role', 'img');
      svg?.setAttribute('aria-label', metric ? `${label}: ${labelOf(metric)}` : label);
      return chart;
    });
    node.replaceChildren(...charts);
    return () => charts.forEach((chart) => chart.remove());
  }, [view, response, label, labelOf]);

  return <div className="chart" ref={holder} />;
}

type Datum = Record<string, string | number> & { series: string; key: string; value: number };

function heatmap(data: Datum[], width: number, compare: boolean) {
  const max = data.reduce((m, d) => Math.max(m, d.value), 0);
  const fy = compare ? 'series' : undefined;
  return Plot.plot({
    width,
    style: { fontSize: '14px' },
    padding: 0.05,
    fy: compare ? { label: null } : undefined,
    x: { label: 'h', type: 'band' },
    y: { label: null, type: 'band' },
    color: { type: 'linear', range: ['#e8eef9', BAR] },
    marks: [
      Plot.cell(data, { x: 'hour', y: 'weekday', fy, fill: 'value', inset: 0.5 }),
      // Every cell prints its count, in black or white for contrast: colour is never alone.
      Plot.text(data, {
        x: 'hour',
        y: 'weekday',
        fy,
        text: 'value',
        fill: (d: Datum) => (d.value > max / 2 ? 'white' : 'black'),
      }),
    ],
  });
}

function bars(data: Datum[], width: number, compare: boolean) {
  const fy = compare ? 'series' : undefined;
  return Plot.plot({
    width,
    marginLeft: 180,
    style: { fontSize: '14px' },
    fy: compare ? { label: null } : undefined,
    x: { label: null, grid: true },
    y: { label: null },
    marks: [
      Plot.barX(data, { y: 'key', x: 'value', fy, fill: BAR, sort: { y: '-x' } }),
      Plot.text(data, {
        y: 'key',
        x: 'value',
        fy,
        text: 'value',
        dx: 4,
        textAnchor: 'start',
        fill: 'black',
      }),
      Plot.ruleX([0]),
    ],
  });
}
