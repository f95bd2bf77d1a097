/** Builders for valid log events in tests, through the real schema. */
import { v7 as uuidv7 } from 'uuid';
import { logEventSchema, type LogEvent, type LogDataOf } from '../../src/protocol/events';
import { newDraft, toQuestionData } from '../../src/features/staff/tagging/tag-record';

export const TEST_HELP_POINT = 'test-bibliotek';
export const TEST_DEVICE = '01a1fdf6-cdd2-74a1-baa4-25b1cefe9d69';

export function visitEvent(overrides: Partial<LogEvent> = {}): LogEvent {
  return logEventSchema.parse({
    id: uuidv7(),
    type: 'visit',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    helpPointId: TEST_HELP_POINT,
    deviceId: TEST_DEVICE,
    data: {
      startedAt: '2026-11-21T10:00Z',
      endedAt: '2026-11-21T10:12Z',
      language: 'sv',
      doors: ['anvanda'],
      ending: 'finished',
      feedback: 'yes',
    },
    ...overrides,
  });
}

/** A deterministic PRNG (mulberry32), so a failing random scenario can be replayed by seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A staff record's data: unlike a visitor's log, it stays on the device for the tally. */
export function questionData(recordId: string): LogDataOf<'question'> {
  return toQuestionData(
    {
      ...newDraft(Date.parse('2026-11-21T10:00:00Z'), { language: 'sv', channel: 'drop-in' }),
      helpedWith: ['e-legitimation'],
      timeSpent: '5-15',
      outcome: 'solved',
    },
    recordId,
  );
}
