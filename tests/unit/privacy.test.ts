/**
 * No staff or visitor free text can reach an event. For every log type (and a help request),
 * every string in a valid example is replaced by text a person might type, a name, a
 * personal identity number, an address, and every object gets an extra field with such text:
 * the shared schema, which the device checks before anything reaches the disk, refuses all.
 */
import { describe, expect, it } from 'vitest';
import { LOG_EVENT_TYPES, logEventSchema } from '../../src/protocol/events';
import { helpRequestCreateSchema } from '../../src/protocol/help-requests';
import { newDraft, toQuestionData } from '../../src/features/staff/tagging/tag-record';

const FREE_TEXT = [
  'Anna Svensson',
  '19450101-1234',
  'Storgatan 1, 123 45 Småby',
  'anna@example.se',
  'my password is hunter2',
  'a b',
  'A',
];

const envelope = {
  id: '0190a000-0000-7000-8000-000000000001',
  schemaVersion: 1,
  occurredAt: '2026-11-21T10:00:00.000Z',
  helpPointId: 'storby-bibliotek',
  deviceId: '0190a000-0000-7000-8000-000000000002',
};
const recordId = '0190a000-0000-7000-8000-000000000003';

const EXAMPLES: Record<(typeof LOG_EVENT_TYPES)[number], unknown> = {
  visit: {
    startedAt: '2026-11-21T10:00Z',
    endedAt: '2026-11-21T10:10Z',
    language: 'ar',
    doors: ['anvanda'],
    ending: 'finished',
    feedback: 'yes',
  },
  question: toQuestionData(
    {
      ...newDraft(Date.parse('2026-11-21T10:00:00Z'), { language: 'sv', channel: 'drop-in' }),
      helpedWith: ['e-legitimation'],
      area: 'public-authority',
      agency: 'skatteverket',
      errandId: 'deklarera',
      timeSpent: '5-15',
      effort: 3,
      obstacles: ['no-e-legitimation'],
      outcome: 'referred',
      referredTo: 'agency',
      postcodeArea: '123',
    },
    recordId,
  ),
  'question-withdrawn': { recordId },
  lesson: {
    lessonId: 'mouse-and-touch',
    stepsReached: 3,
    stepsTotal: 5,
    completed: false,
    scoreBand: 'none',
    language: 'fa',
  },
  'course-session': {
    topic: 'basic-internet',
    heldAt: '2026-11-21T13:00Z',
    attendees: 7,
    newAttendees: 3,
    languages: ['sv', 'ar'],
    role: 'volunteer',
  },
  'errand-viewed': { errandId: 'deklarera', foundBy: 'search', choice: 'staff', language: 'so' },
  'tech-tried': { itemId: 'camera-check', language: 'ti' },
  feedback: { answer: 'partly', context: 'visit', language: 'uk' },
  heartbeat: { appVersion: '1.0.0', queueDepth: 0, deadLetters: 0, storagePersisted: true },
};

type Path = (string | number)[];

/** Every path to a string, and every path to an object, in a value. */
function walk(
  value: unknown,
  path: Path = [],
  out = { strings: [] as Path[], objects: [] as Path[] },
) {
  if (typeof value === 'string') out.strings.push(path);
  else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index], out));
  else if (value && typeof value === 'object') {
    out.objects.push(path);
    for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key], out);
  }
  return out;
}

function withValueAt(value: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head as string] = withValueAt(copy[head as string], rest, replace);
  return copy;
}

describe('privacy: no free text reaches an event', () => {
  it('has a valid example of every log type', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...LOG_EVENT_TYPES].sort());
    for (const type of LOG_EVENT_TYPES) {
      const result = logEventSchema.safeParse({ ...envelope, type, data: EXAMPLES[type] });
      expect(result.success, type).toBe(true);
    }
  });

  it.each(LOG_EVENT_TYPES)('refuses free text in any field of %s', (type) => {
    const event = { ...envelope, type, data: EXAMPLES[type] };
    const { strings, objects } = walk(event);
    let tried = 0;
    for (const path of strings) {
      if (path[0] === 'type') continue; // the discriminator: another type, not free text
      for (const text of FREE_TEXT) {
        const changed = withValueAt(event, path, () => text);
        expect(logEventSchema.safeParse(changed).success, `${path.join('.')} = ${text}`).toBe(
          false,
        );
        tried += 1;
      }
    }
    for (const path of objects) {
      const changed = withValueAt(event, path, (old) => ({
        ...(old as object),
        note: FREE_TEXT[0],
      }));
      expect(logEventSchema.safeParse(changed).success, `extra field at ${path.join('.')}`).toBe(
        false,
      );
      tried += 1;
    }
    expect(tried).toBeGreaterThan(FREE_TEXT.length);
  });

  it('a help request carries codes only', () => {
    const request = { id: recordId, language: 'ar', errandId: 'deklarera' };
    expect(helpRequestCreateSchema.safeParse(request).success).toBe(true);
    for (const text of FREE_TEXT) {
      expect(helpRequestCreateSchema.safeParse({ ...request, errandId: text }).success).toBe(false);
      expect(helpRequestCreateSchema.safeParse({ ...request, language: text }).success).toBe(false);
      expect(helpRequestCreateSchema.safeParse({ ...request, message: text }).success).toBe(false);
    }
  });

  it('a staff record with anything but three digits as postcode area is refused', () => {
    const draft = {
      ...newDraft(Date.now(), { language: 'sv', channel: 'drop-in' } as const),
      helpedWith: ['other' as const],
      timeSpent: 'under-5' as const,
      outcome: 'solved' as const,
    };
    for (const postcodeArea of ['12345', '12', 'abc', '123 45', 'Småby']) {
      expect(() => toQuestionData({ ...draft, postcodeArea }, recordId)).toThrow();
    }
    expect(toQuestionData({ ...draft, postcodeArea: '123' }, recordId).postcodeArea).toBe('123');
  });
});
