/**
 * Lära and Testa content: valid and complete in all eight languages, and a broken file (or a
 * help point's own broken lessons) is refused with the reason named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  lessonProblems,
  lessonsFactsSchema,
  lessonsTextsSchema,
  PRACTICES,
} from '../../src/features/lara/lessons/lesson-schema';
import { mergeLessons, parseLocalLessons } from '../../src/features/lara/lessons/local-lessons';
import {
  testaFactsSchema,
  testaProblems,
  testaTextsSchema,
} from '../../src/features/testa/items/testa-schema';
import { LANGUAGES } from '../../src/protocol/vocabulary';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const facts = lessonsFactsSchema.parse(read('content/lessons/lessons.json'));
const swedish = lessonsTextsSchema.parse(read('content/lessons/sv.json'));

describe('the built-in lessons', () => {
  it('are at least 12, each with 3–8 steps, a practice and a 2–4 question check', () => {
    expect(facts.lessons.length).toBeGreaterThanOrEqual(12);
    for (const lesson of facts.lessons) {
      expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
      expect(lesson.steps.length).toBeLessThanOrEqual(8);
      expect(lesson.steps.some((step) => step.kind === 'practice')).toBe(true);
      expect(lesson.check.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('use every kind of practice the app offers', () => {
    const used = new Set(
      facts.lessons.flatMap((lesson) =>
        lesson.steps.flatMap((step) => (step.kind === 'practice' ? [step.practice] : [])),
      ),
    );
    expect([...used].sort()).toEqual([...PRACTICES].sort());
  });

  it.each([...LANGUAGES])('are valid and complete in %s', (language) => {
    const texts = lessonsTextsSchema.parse(read(`content/lessons/${language}.json`));
    expect(lessonProblems(facts, texts)).toEqual([]);
    expect(Object.keys(texts.lessons).sort()).toEqual(facts.lessons.map((l) => l.id).sort());
  });

  it('refuse texts that do not match the facts, naming the lesson', () => {
    const broken = structuredClone(swedish);
    const lesson = broken.lessons['scams'];
    if (!lesson) throw new Error('scams lesson missing');
    lesson.steps.pop();
    lesson.check[0]?.answers.pop();
    const problems = lessonProblems(facts, broken);
    expect(problems).toContain(
      `lesson scams: ${lesson.steps.length} step texts for ${lesson.steps.length + 1} steps`,
    );
    expect(problems).toContain('lesson scams check 0: answer count differs');
    expect(lessonsFactsSchema.safeParse({ schemaVersion: 1, lessons: [{ id: 'x' }] }).success).toBe(
      false,
    );
  });
});

describe('a help point’s own lessons', () => {
  const own = {
    schemaVersion: 1,
    lessons: [
      {
        id: 'bibliotekets-skrivare',
        number: 40,
        picture: 'browser',
        steps: [
          { kind: 'explain', picture: 'browser' },
          { kind: 'explain', picture: 'check' },
          { kind: 'practice', practice: 'choose', options: 2, correct: 1 },
        ],
        check: [
          { answers: 2, correct: 0 },
          { answers: 2, correct: 1 },
        ],
      },
    ],
    texts: {
      sv: {
        lessons: {
          'bibliotekets-skrivare': {
            title: 'Skriva ut på biblioteket',
            summary: 'Så skriver du ut från datorn.',
            steps: [
              { title: 'Skrivaren', text: 'Skrivaren står vid disken.' },
              { title: 'Betala', text: 'En sida kostar två kronor.' },
              {
                title: 'Välj',
                text: 'Var hämtar du utskriften?',
                options: ['Hemma', 'Vid disken'],
                feedback: 'Vid disken.',
              },
            ],
            check: [
              {
                question: 'Var står skrivaren?',
                answers: ['Vid disken', 'I källaren'],
                explanation: 'Vid disken.',
              },
              {
                question: 'Vad kostar en sida?',
                answers: ['Inget', 'Två kronor'],
                explanation: 'Två kronor.',
              },
            ],
          },
        },
      },
    },
  };

  it('are added in number order, shown in Swedish where untranslated', () => {
    const parsed = parseLocalLessons(own, facts);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const english = lessonsTextsSchema.parse(read('content/lessons/en.json'));
    const merged = mergeLessons(facts, english, parsed.value, 'en');
    expect(merged.facts.lessons.at(-1)?.id).toBe('bibliotekets-skrivare');
    expect(merged.swedishFallback.has('bibliotekets-skrivare')).toBe(true);
    expect(merged.texts.lessons['bibliotekets-skrivare']?.title).toBe('Skriva ut på biblioteket');
  });

  it('are refused when a number is taken, Swedish is missing, or a field is wrong', () => {
    const taken = { ...own, lessons: [{ ...own.lessons[0], number: 1 }] };
    const refusedTaken = parseLocalLessons(taken, facts);
    expect(refusedTaken).toMatchObject({ ok: false });
    if (!refusedTaken.ok) expect(refusedTaken.reason).toMatch(/number 1 belongs to touch-screen/);
    expect(parseLocalLessons({ ...own, texts: {} }, facts)).toMatchObject({
      ok: false,
      reason: 'texts.sv: Swedish texts are required',
    });
    const wrong = parseLocalLessons(
      { ...own, lessons: [{ ...own.lessons[0], number: 'forty' }] },
      facts,
    );
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.reason).toMatch(/^lessons\.0\.number/);
  });
});

describe('Testa items', () => {
  const items = testaFactsSchema.parse(read('content/testa/items.json'));
  it('have the eight defaults', () => {
    expect(items.items.map((item) => item.id)).toEqual([
      'e-reader',
      'tablet',
      'smartphone',
      'vr-headset',
      'smart-speaker',
      'e-books',
      'digitised-newspapers',
      'document-scanner',
    ]);
  });

  it.each([...LANGUAGES])('are valid and complete in %s', (language) => {
    const texts = testaTextsSchema.parse(read(`content/testa/${language}.json`));
    expect(testaProblems(items, texts)).toEqual([]);
  });

  it('refuse a card without its texts', () => {
    const texts = testaTextsSchema.parse(read('content/testa/sv.json'));
    const rest = Object.fromEntries(Object.entries(texts.items).filter(([id]) => id !== 'tablet'));
    expect(testaProblems(items, { items: rest })).toEqual(['item tablet has no texts']);
  });
});
