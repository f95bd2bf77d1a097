/**
 * The `courses` namespace: every language has it with Swedish's keys (the shared locale check
 * compares them), and every key the course screens use exists, the literal `t('courses:…')`
 * keys and those built from the fixed code lists alike.
 */
import { describe, expect, it } from 'vitest';
import { listSourceFiles, readLocales } from '../support/locale-check';
import { readFileSync } from 'node:fs';
import { COURSE_ROLES, HELP_LANGUAGES, LANGUAGES } from '../../src/protocol/vocabulary';
import { COURSE_TYPES, type CourseProblem } from '../../src/features/courses/course-record';
import type { PlanItem } from '../../src/features/courses/lesson-plan';
import type { PlansError } from '../../src/features/courses/plans-machine';

const locales = readLocales('locales');
const PROBLEMS: Record<CourseProblem, true> = {
  'topic-missing': true,
  'attendees-out-of-range': true,
  'new-out-of-range': true,
  'more-new-than-attendees': true,
  'no-language': true,
  'when-missing': true,
  'in-the-future': true,
};
const KINDS: Record<PlanItem['kind'], true> = {
  goal: true,
  step: true,
  exercise: true,
  question: true,
  lesson: true,
};
const ERRORS: Record<PlansError['kind'], true> = { read: true, save: true, log: true };

function keysUsed(): Set<string> {
  const used = new Set<string>();
  for (const file of listSourceFiles('src/features/courses')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'(courses:[a-zA-Z0-9_.-]+)'/g))
      used.add(match[1] ?? '');
  }
  COURSE_TYPES.forEach((type) => used.add(`courses:type.${type}`));
  COURSE_ROLES.forEach((role) => used.add(`courses:role.${role}`));
  HELP_LANGUAGES.forEach((language) => used.add(`courses:language.${language}`));
  Object.keys(PROBLEMS).forEach((problem) => used.add(`courses:problem.${problem}`));
  Object.keys(KINDS).forEach((kind) => used.add(`courses:kind.${kind}`));
  Object.keys(ERRORS).forEach((kind) => used.add(`courses:error.${kind}`));
  return used;
}

describe('the courses namespace', () => {
  it('every key the course screens use exists in every language, and none is unused', () => {
    const used = keysUsed();
    expect(used.size).toBeGreaterThan(60);
    for (const language of LANGUAGES) {
      const flat = locales.get(language);
      const keys = [...(flat?.keys() ?? [])].filter((key) => key.startsWith('courses:'));
      expect(
        [...used].filter((key) => !flat?.has(key)),
        language,
      ).toEqual([]);
      expect(
        keys.filter((key) => !used.has(key)),
        language,
      ).toEqual([]);
    }
  });

  it('the components use only namespaced keys, so the common check never mistakes them', () => {
    const bare = listSourceFiles('src/features/courses').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)].map(
        (match) => `${file}: ${match[1]}`,
      ),
    );
    expect(bare).toEqual([]);
  });

  it('each language names the help languages differently from the code, and "other" too', () => {
    for (const language of LANGUAGES) {
      const flat = locales.get(language);
      const names = HELP_LANGUAGES.map((code) => flat?.get(`courses:language.${code}`));
      expect(new Set(names).size, language).toBe(HELP_LANGUAGES.length);
    }
  });
});
