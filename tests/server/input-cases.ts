/**
 * The cases of inputs.test.ts: events the collector must refuse one by one (each with the
 * reason it must give), and the kiosk's own kinds of event that must still pass.
 */
import type { LogEventType } from '../../src/protocol/events';
import { REJECTION_REASONS } from '../../src/protocol/sync-api';
import { questionData, sampleData } from './support';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const minute = (ms: number) => iso(ms).slice(0, 16) + 'Z';

export interface Hostile {
  name: string;
  type: LogEventType;
  /** Changes a valid event of `type` into the hostile one. */
  change: (event: Record<string, unknown>, data: Record<string, unknown>) => void;
  reason: string;
}

const { malformedTime, clockOutOfRange, unknownCode, invalid } = REJECTION_REASONS;

export const HOSTILE: Hostile[] = [
  {
    name: 'occurredAt in year 0000',
    type: 'feedback',
    change: (e) => void (e.occurredAt = '0000-01-01T00:00:00Z'),
    reason: malformedTime,
  },
  {
    name: 'occurredAt on 0000-02-29',
    type: 'visit',
    change: (e) => void (e.occurredAt = '0000-02-29T12:00:00Z'),
    reason: malformedTime,
  },
  {
    name: 'a 200-digit fraction',
    type: 'feedback',
    change: (e) => void (e.occurredAt = `2026-11-21T10:00:00.${'9'.repeat(200)}Z`),
    reason: malformedTime,
  },
  {
    name: 'helpedAt 2026-13-45T99:99Z',
    type: 'question',
    change: (_e, d) => void (d.helpedAt = '2026-13-45T99:99Z'),
    reason: malformedTime,
  },
  {
    name: 'startedAt 9999-99-99T99:99Z',
    type: 'visit',
    change: (_e, d) => void (d.startedAt = '9999-99-99T99:99Z'),
    reason: malformedTime,
  },
  {
    name: 'endedAt 23:60',
    type: 'visit',
    change: (_e, d) => void (d.endedAt = '2026-11-21T23:60Z'),
    reason: malformedTime,
  },
  {
    name: 'heldAt in month 00',
    type: 'course-session',
    change: (_e, d) => void (d.heldAt = '2026-00-10T10:00Z'),
    reason: malformedTime,
  },
  {
    name: 'helpedAt on Feb 29 2025',
    type: 'question',
    change: (_e, d) => void (d.helpedAt = '2025-02-29T10:00Z'),
    reason: malformedTime,
  },
  {
    name: 'occurredAt in 1999',
    type: 'feedback',
    change: (e) => void (e.occurredAt = '1999-12-31T23:59:59.999Z'),
    reason: clockOutOfRange,
  },
  {
    name: 'occurredAt 25 hours ahead',
    type: 'lesson',
    change: (e) => void (e.occurredAt = iso(Date.now() + 25 * HOUR)),
    reason: clockOutOfRange,
  },
  {
    name: 'occurredAt in 9999',
    type: 'feedback',
    change: (e) => void (e.occurredAt = '9999-12-31T23:59:59Z'),
    reason: clockOutOfRange,
  },
  {
    name: 'helpedAt in 9999',
    type: 'question',
    change: (_e, d) => void (d.helpedAt = '9999-12-31T10:00Z'),
    reason: clockOutOfRange,
  },
  {
    name: 'startedAt in 0001',
    type: 'visit',
    change: (_e, d) => void (d.startedAt = '0001-01-01T00:00Z'),
    reason: clockOutOfRange,
  },
  {
    name: 'heldAt two days ahead',
    type: 'course-session',
    change: (_e, d) => void (d.heldAt = minute(Date.now() + 48 * HOUR)),
    reason: clockOutOfRange,
  },
  {
    name: 'errandId anna-andersson',
    type: 'errand-viewed',
    change: (_e, d) => void (d.errandId = 'anna-andersson'),
    reason: unknownCode,
  },
  {
    name: "a question's errandId 1912-12-12-1212",
    type: 'question',
    change: (_e, d) => void (d.errandId = '1912-12-12-1212'),
    reason: unknownCode,
  },
  {
    name: 'lessonId anna-andersson',
    type: 'lesson',
    change: (_e, d) => void (d.lessonId = 'anna-andersson'),
    reason: unknownCode,
  },
  {
    name: 'itemId 1912-12-12-1212',
    type: 'tech-tried',
    change: (_e, d) => void (d.itemId = '1912-12-12-1212'),
    reason: unknownCode,
  },
  {
    name: 'topic anna-andersson',
    type: 'course-session',
    change: (_e, d) => void (d.topic = 'anna-andersson'),
    reason: unknownCode,
  },
  {
    name: 'another help point’s local errand',
    type: 'errand-viewed',
    change: (_e, d) => void (d.errandId = 'other-local-errand'),
    reason: unknownCode,
  },
  {
    name: 'appVersion 1.0.0-anna.andersson',
    type: 'heartbeat',
    change: (_e, d) => void (d.appVersion = '1.0.0-anna.andersson'),
    reason: invalid,
  },
  {
    name: 'appVersion next-test-build',
    type: 'heartbeat',
    change: (_e, d) => void (d.appVersion = 'next-test-build'),
    reason: invalid,
  },
];

/** The kiosk's own events, as it makes them, including those naming content ids. */
export const VALID: { name: string; type: LogEventType; data?: unknown }[] = [
  { name: 'a built-in errand', type: 'errand-viewed' },
  { name: 'a Testa item', type: 'tech-tried' },
  { name: 'a Testa demo', type: 'tech-tried', data: { itemId: 'read-aloud', language: 'sv' } },
  {
    name: 'a lesson as a course topic',
    type: 'course-session',
    data: { ...(sampleData('course-session') as object), topic: 'scams' },
  },
  {
    name: 'a question with an errand',
    type: 'question',
    data: { ...(questionData(['public-authority-errand'], 1) as object), errandId: 'deklarera' },
  },
  {
    name: 'this help point’s local errand',
    type: 'errand-viewed',
    data: { ...(sampleData('errand-viewed') as object), errandId: 'our-local-errand' },
  },
  {
    name: 'this help point’s local lesson',
    type: 'lesson',
    data: { ...(sampleData('lesson') as object), lessonId: 'our-local-lesson' },
  },
  {
    name: 'a release candidate heartbeat',
    type: 'heartbeat',
    data: { ...(sampleData('heartbeat') as object), appVersion: '0.1.1-rc.1' },
  },
];
