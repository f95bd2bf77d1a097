// The protocol's one time parser: real calendar instants only, one canonical form, and the
// window the collector stores. The schema uses it, so the schema is tested through it too.
import { describe, expect, it } from 'vitest';
import { minuteTimestampSchema } from '../../src/protocol/codes';
import { MINUTE_FIELDS, eventTimes, logEventSchema } from '../../src/protocol/events';
import {
  TIME_WINDOW_AHEAD_MS,
  TIME_WINDOW_START_MS,
  inTimeWindow,
  normalisedInstant,
  parseTime,
} from '../../src/protocol/times';
import { makeEvent, sampleData } from '../server/support';
import { LOG_EVENT_TYPES } from '../../src/protocol/events';

const minute = (text: string) => parseTime(text, { precision: 'minute' });
const instant = (text: string) => parseTime(text, { precision: 'instant' });

describe('parseTime', () => {
  it.each([
    '2026-13-45T99:99Z',
    '9999-99-99T99:99Z',
    '2026-11-21T23:60Z',
    '2026-00-10T10:00Z',
    '2026-11-00T10:00Z',
    '2025-02-29T12:00Z',
    '1900-02-29T12:00Z',
    '2026-04-31T12:00Z',
    '2026-11-21T24:00Z',
    '0000-01-01T00:00Z',
    '2026-11-21T10:00',
    '2026-11-21T10:00:00Z',
    '2026-11-21 10:00Z',
    '+02026-11-21T10:00Z',
    '２０２６-11-21T10:00Z',
  ])('refuses %s as a minute', (text) => {
    expect(minute(text).ok).toBe(false);
    expect(minuteTimestampSchema.safeParse(text).success).toBe(false);
  });

  it.each(['2024-02-29T12:00Z', '2000-02-29T00:00Z', '2026-12-31T23:59Z', '0001-01-01T00:00Z'])(
    'reads %s as a real minute, unchanged',
    (text) => {
      expect(minute(text)).toEqual({ ok: true, epochMs: expect.any(Number), normalised: text });
    },
  );

  it.each([
    '0000-01-01T00:00:00Z',
    '0000-02-29T12:00:00Z',
    `2026-11-21T10:00:00.${'1'.repeat(200)}Z`,
    '2026-11-21T10:00:00.1234567890Z',
    '2026-11-21T10:00:60Z',
    '2026-11-21T10:00Z',
    '2026-11-21T10:00:00+01:00',
    '2026-11-21T10:00:00.Z',
    'yesterday',
  ])('refuses %s as an event instant', (text) => {
    expect(instant(text).ok).toBe(false);
  });

  it('normalises fractions to milliseconds, cutting and never rounding into the next second', () => {
    expect(normalisedInstant('2026-11-21T10:00:59.999999999Z')).toBe('2026-11-21T10:00:59.999Z');
    expect(normalisedInstant('2026-11-21T10:00:00Z')).toBe('2026-11-21T10:00:00.000Z');
    expect(normalisedInstant('2026-11-21T10:00:00.5Z')).toBe('2026-11-21T10:00:00.500Z');
    expect(() => normalisedInstant('2026-02-30T10:00:00Z')).toThrow(RangeError);
  });

  it('reads offsets only where asked (query parameters), and only real ones', () => {
    const query = (text: string) => parseTime(text, { precision: 'instant', offsets: true });
    expect(query('2026-11-21T00:00:00+01:00')).toMatchObject({
      ok: true,
      normalised: '2026-11-20T23:00:00.000Z',
    });
    expect(query('2026-11-21T00:00:00-14:00').ok).toBe(true);
    expect(query('2026-11-21T00:00:00+15:00').ok).toBe(false);
    expect(query('2026-11-21T00:00:00+01:60').ok).toBe(false);
  });

  it('reads years below 100 as themselves, not as 19xx', () => {
    const parsed = instant('0050-06-01T00:00:00Z');
    expect(parsed.ok && new Date(parsed.epochMs).getUTCFullYear()).toBe(50);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [null, 42, {}, [], 'x'.repeat(1_000_000), '\u0000']) {
      expect(parseTime(value, { precision: 'minute' }).ok).toBe(false);
    }
  });
});

describe('the window', () => {
  const now = Date.UTC(2026, 10, 21, 12);
  it('is 2000-01-01 up to 24 hours after receipt, both ends included', () => {
    expect(inTimeWindow(TIME_WINDOW_START_MS, now)).toBe(true);
    expect(inTimeWindow(TIME_WINDOW_START_MS - 1, now)).toBe(false);
    expect(inTimeWindow(now + TIME_WINDOW_AHEAD_MS, now)).toBe(true);
    expect(inTimeWindow(now + TIME_WINDOW_AHEAD_MS + 1, now)).toBe(false);
  });
});

describe('the envelope and the payloads use the parser', () => {
  it('refuses an occurredAt in year 0000 that z.iso.datetime() let through', () => {
    const event = { ...makeEvent('hp'), occurredAt: '0000-02-29T12:00:00Z' };
    expect(logEventSchema.safeParse(event).success).toBe(false);
  });

  it('lists every minute field of every type, so the window covers them all', () => {
    for (const type of LOG_EVENT_TYPES) {
      const data = sampleData(type) as Record<string, unknown>;
      const minuteFields = Object.keys(data).filter(
        (key) => minuteTimestampSchema.safeParse(data[key]).success,
      );
      expect(MINUTE_FIELDS[type] ?? []).toEqual(minuteFields);
      const event = makeEvent('hp', type);
      expect(eventTimes(event).map((t) => t.path)).toEqual([
        'occurredAt',
        ...minuteFields.map((field) => `data.${field}`),
      ]);
    }
  });
});
