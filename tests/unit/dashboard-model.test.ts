import { describe, expect, it } from 'vitest';
import { summaryFacts, tableModel } from '../../src/dashboard/view-model';
import { previousPeriod, stockholmDay } from '../../src/dashboard/dates';
import {
  formatHours,
  parseAgencyHours,
  parseStaffedHours,
  previewLocalContent,
} from '../../src/dashboard/settings-model';
import type { ViewResponse } from '../../src/dashboard/api-types';

const compared: ViewResponse = {
  view: 'questions',
  rules: ['stockholm-day'],
  ignoredFilters: [],
  series: [
    {
      label: 'A',
      from: '2026-03-01',
      to: '2026-03-31',
      helpPointIds: ['x'],
      total: 10,
      rows: [
        { key: 'bankid', dims: { topic: 'bankid' }, value: 7 },
        { key: 'email', dims: { topic: 'email' }, value: 3 },
      ],
    },
    {
      label: 'B',
      from: '2026-02-01',
      to: '2026-02-28',
      helpPointIds: ['x'],
      total: 15,
      rows: [{ key: 'email', dims: { topic: 'email' }, value: 15 }],
    },
  ],
};

describe('dashboard view model', () => {
  it('puts two compared series side by side, with a gap where one has no row', () => {
    const model = tableModel(compared);
    expect(model.seriesLabels).toEqual(['A', 'B']);
    expect(model.dims).toEqual(['topic']);
    expect(model.rows).toEqual([
      { key: 'bankid', dims: { topic: 'bankid' }, values: [7, null] },
      { key: 'email', dims: { topic: 'email' }, values: [3, 15] },
    ]);
  });

  it('summarises the total, the largest group and the change between the series', () => {
    expect(summaryFacts(compared)).toEqual({
      total: 10,
      top: { key: 'bankid', value: 7 },
      compared: { total: 15, changePercent: 50 },
    });
    const single = {
      ...compared,
      series: compared.series.slice(0, 1).map((s) => ({ ...s, total: 0, rows: [] })),
    };
    expect(summaryFacts(single)).toEqual({ total: 0, top: null, compared: null });
  });

  it('counts days in Stockholm and finds the equally long period before', () => {
    // 23:30 UTC on 28 March is already 29 March in Stockholm (CET, UTC+1).
    expect(stockholmDay(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
    });
  });
});

describe('dashboard settings form model', () => {
  it('reads staffed and agency hours one a line, and names the bad line', () => {
    expect(parseStaffedHours('mon tue 10:00-16:00\n\nfri 10:00-13:00')).toEqual({
      ok: true,
      value: [
        { days: ['mon', 'tue'], from: '10:00', to: '16:00' },
        { days: ['fri'], from: '10:00', to: '13:00' },
      ],
    });
    expect(parseStaffedHours('mon 10:00-16:00\nmonday 10-16')).toEqual({ ok: false, line: 2 });
    expect(parseStaffedHours('mon 16:00-10:00')).toEqual({ ok: false, line: 1 });
    expect(parseAgencyHours('skatteverket tue 14:00-16:00')).toEqual({
      ok: true,
      value: [{ agency: 'skatteverket', days: ['tue'], from: '14:00', to: '16:00' }],
    });
    expect(parseAgencyHours('nowhere tue 14:00-16:00')).toEqual({ ok: false, line: 1 });
  });

  it('writes hours back in the same form it reads', () => {
    const text = 'skatteverket tue thu 14:00-16:00';
    const parsed = parseAgencyHours(text);
    expect(parsed.ok && formatHours(parsed.value)).toBe(text);
  });

  it('previews an uploaded list and refuses what is not JSON with a list', () => {
    const upload = JSON.stringify({ errands: [{ id: 'parkering', title: { sv: 'Parkering' } }] });
    const preview = previewLocalContent(upload);
    expect(preview.ok && preview.value.items).toEqual(['parkering: Parkering']);
    expect(previewLocalContent('{ not json').ok).toBe(false);
    expect(previewLocalContent('{"a": 1}').ok).toBe(false);
  });
});
