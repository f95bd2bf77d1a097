// The per-event rejection reasons staff see on the device: recognised from the collector's
// text, and explained in every language.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/protocol/vocabulary';
import { REJECTION_REASONS, rejectionReasonOf } from '../../src/protocol/sync-api';

describe('rejectionReasonOf', () => {
  it.each([
    ['clock-out-of-range: occurredAt: must lie between …', 'clock-out-of-range'],
    ['malformed-time: data.helpedAt: must be a real UTC time', 'malformed-time'],
    ['unknown-code: data.errandId: not a known errand code', 'unknown-code'],
    ['help-point-mismatch', 'help-point-mismatch'],
    ['HTTP 422 (code-422: test)', null],
    ['clock-out-of-range-ish: no', null],
    ['', null],
  ])('reads %j as %j', (reason, expected) => {
    expect(rejectionReasonOf(reason)).toBe(expected);
  });
});

describe('the status view explains every rejection reason', () => {
  it.each(LANGUAGES)('in %s', (language) => {
    const common = JSON.parse(readFileSync(`locales/${language}/common.json`, 'utf8')) as {
      status: { reasons: Record<string, string> };
    };
    for (const reason of Object.values(REJECTION_REASONS)) {
      expect(common.status.reasons[reason], reason).toMatch(/\S{2}/);
    }
  });
});
