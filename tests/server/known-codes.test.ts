// What the collector knows: content/'s ids, the demos and course types, each help point's own
// local errands and lessons (through the localCodes seam), and the one appVersion format.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_VERSION_PATTERN } from '../../src/protocol/codes';
import { COURSE_TYPES, TESTA_DEMOS } from '../../src/protocol/vocabulary';
import { LOG_EVENT_TYPES } from '../../src/protocol/events';
import { codesOf, createKnownCodes, readBuiltInCodes } from '../../server/src/known-codes';
import { makeEvent } from './support';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const ids = (list: unknown) => (list as { id: string }[]).map((entry) => entry.id);

describe('built-in codes', () => {
  it('are every id of content/: errands, lessons and Testa items', () => {
    const codes = readBuiltInCodes();
    expect(codes.errands).toEqual(ids(json('content/catalogue/errands.json').errands));
    expect(codes.lessons).toEqual(ids(json('content/lessons/lessons.json').lessons));
    expect(codes.testaItems).toEqual(ids(json('content/testa/items.json').items));
    expect(codes.errands).toHaveLength(65);
    expect(codes.lessons).toHaveLength(12);
  });
});

describe('createKnownCodes', () => {
  const known = createKnownCodes(undefined, async (helpPointId) =>
    helpPointId === 'mine'
      ? { errands: ['lokalt-arende'], lessons: ['lokal-lektion'] }
      : { errands: [], lessons: [] },
  );

  it('knows built-in ids, the Testa demos and the course types at every help point', async () => {
    const check = await known.forHelpPoint('anywhere');
    expect(check('errand', 'deklarera')).toBe(true);
    expect(check('lesson', 'scams')).toBe(true);
    expect(check('testa-item', 'e-reader')).toBe(true);
    for (const demo of TESTA_DEMOS) expect(check('testa-item', demo)).toBe(true);
    for (const type of COURSE_TYPES) expect(check('course-topic', type)).toBe(true);
    expect(check('course-topic', 'scams')).toBe(true);
  });

  it('knows local errands and lessons only at their own help point', async () => {
    expect(await known.isKnown('errand', 'lokalt-arende', 'mine')).toBe(true);
    expect(await known.isKnown('lesson', 'lokal-lektion', 'mine')).toBe(true);
    expect(await known.isKnown('course-topic', 'lokal-lektion', 'mine')).toBe(true);
    expect(await known.isKnown('errand', 'lokalt-arende', 'theirs')).toBe(false);
    expect(await known.isKnown('lesson', 'lokal-lektion', 'theirs')).toBe(false);
  });

  it('knows nothing that only looks like a code, nor a code of another kind', async () => {
    const check = await known.forHelpPoint('mine');
    expect(check('errand', 'anna-andersson')).toBe(false);
    expect(check('lesson', '1912-12-12-1212')).toBe(false);
    expect(check('errand', 'scams')).toBe(false);
    expect(check('testa-item', 'deklarera')).toBe(false);
  });

  it('has no local codes by default', async () => {
    expect(await createKnownCodes().isKnown('errand', 'lokalt-arende', 'mine')).toBe(false);
  });
});

describe('codesOf', () => {
  it('names the content id of each event type that has one, by path', () => {
    const paths = Object.fromEntries(
      LOG_EVENT_TYPES.map((type) => [type, codesOf(makeEvent('hp', type)).map((c) => c.path)]),
    );
    expect(paths).toEqual({
      visit: [],
      question: [], // errandId null in the sample: no errand, nothing to check
      'question-withdrawn': [],
      lesson: ['data.lessonId'],
      'course-session': ['data.topic'],
      'errand-viewed': ['data.errandId'],
      'tech-tried': ['data.itemId'],
      feedback: [],
      heartbeat: [],
    });
  });
});

describe('APP_VERSION_PATTERN', () => {
  it.each([
    '0.1.0',
    '1.2.3',
    '10.20.30-rc.4',
    JSON.parse(readFileSync('package.json', 'utf8')).version,
  ])('accepts %s', (version) => expect(APP_VERSION_PATTERN.test(version)).toBe(true));
  it.each(['1.0.0-anna.andersson', 'next-test-build', '1.2.3+1912121212', 'deadbeef', '1.2', ''])(
    'refuses %j',
    (version) => expect(APP_VERSION_PATTERN.test(version)).toBe(false),
  );
});
