// Agency drop-in hours in the kiosk configuration: checked by the same schema the collector
// uses, and today's rows picked on the kiosk's own clock.
import { describe, expect, it } from 'vitest';
import { rowsOn, weekdayOf } from '../../src/lib/agency-hours';
import { DEFAULT_KIOSK_CONFIG, parseKioskConfig } from '../../src/lib/kiosk-config';

const withRows = (agencyHours: unknown) =>
  parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, agencyHours });

describe('agencyHours', () => {
  it('takes known agencies on given days, and refuses the rest naming the field', () => {
    const ok = withRows([{ agency: 'skatteverket', days: ['tue'], from: '14:00', to: '16:00' }]);
    expect(ok.ok).toBe(true);
    const unknown = withRows([{ agency: 'bank', days: ['tue'], from: '14:00', to: '16:00' }]);
    expect(unknown).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^agencyHours\.0\.agency/),
    });
    const backwards = withRows([{ agency: 'csn', days: ['mon'], from: '16:00', to: '14:00' }]);
    expect(backwards).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^agencyHours\.0/),
    });
    const noDays = withRows([{ agency: 'csn', days: [], from: '10:00', to: '11:00' }]);
    expect(noDays.ok).toBe(false);
    const text = withRows([
      { agency: 'csn', days: ['mon'], from: '10:00', to: '11:00', note: 'x' },
    ]);
    expect(text.ok).toBe(false);
  });

  it("picks today's rows, earliest first", () => {
    // 2026-12-08 is a Tuesday.
    expect(weekdayOf(new Date(2026, 11, 8, 12))).toBe('tue');
    const rows = [
      { agency: 'csn', days: ['tue'], from: '15:00' },
      { agency: 'polisen', days: ['mon', 'tue'], from: '09:00' },
      { agency: 'skatteverket', days: ['wed'], from: '10:00' },
    ];
    expect(rowsOn(rows, 'tue').map((row) => row.agency)).toEqual(['polisen', 'csn']);
  });
});
