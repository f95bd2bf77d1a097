/**
 * Loads the lessons for one language, lazily (precached by the service worker, so offline
 * too), validates them at load time and merges the help point's own lessons on top.
 */
import type { z } from 'zod/mini';
import {
  lessonProblems,
  lessonsFactsSchema,
  lessonsTextsSchema,
  type LessonFacts,
  type LessonsFacts,
  type LessonTexts,
} from './lesson-schema';
import { mergeLessons, parseLocalLessons, type LocalLessons } from './local-lessons';
import type { LanguageCode } from '../../../protocol/vocabulary';
import { describeIssues } from '../../../lib/schema-errors';
import {
  fetchLocalJson,
  loadLocalContent,
  type LocalContentLoad,
  type LocalContentSources,
} from '../../../lib/local-content';

const lessonFiles = import.meta.glob<{ default: unknown }>('../../../../content/lessons/*.json');

export interface LoadedLessons {
  language: LanguageCode;
  lessons: LessonFacts[];
  textsById: Map<string, LessonTexts>;
  byNumber: Map<number, LessonFacts>;
  swedishFallback: Set<string>;
}

async function readFile(name: string): Promise<unknown> {
  const load = lessonFiles[`../../../../content/lessons/${name}.json`];
  if (!load) throw new Error(`lesson file ${name}.json is missing from the build`);
  return (await load()).default;
}

function validate<T>(schema: z.ZodMiniType<T>, raw: unknown, what: string): T {
  const result = schema.safeParse(raw);
  if (!result.success)
    throw new Error(`${what} refused: ${describeIssues(result.error.issues, 3)}`);
  return result.data;
}

async function builtInFacts(): Promise<LessonsFacts> {
  return validate(lessonsFactsSchema, await readFile('lessons'), 'lessons.json');
}

export async function loadLessons(
  language: LanguageCode,
  local: LocalLessons | null,
): Promise<LoadedLessons> {
  const [facts, rawTexts] = await Promise.all([builtInFacts(), readFile(language)]);
  const texts = validate(lessonsTextsSchema, rawTexts, `lessons/${language}.json`);
  const problems = lessonProblems(facts, texts);
  if (problems.length > 0)
    throw new Error(`lessons/${language}.json refused: ${problems.join('; ')}`);
  const merged = mergeLessons(facts, texts, local, language);
  return {
    language,
    lessons: merged.facts.lessons,
    textsById: new Map(Object.entries(merged.texts.lessons)),
    byNumber: new Map(merged.facts.lessons.map((lesson) => [lesson.number, lesson])),
    swedishFallback: merged.swedishFallback,
  };
}

/** From the help point's settings (`source`) when the collector sent them, else the file. */
export async function refreshLocalLessons(
  storage: Pick<LocalContentSources, 'readLastGood' | 'saveLastGood'>,
  source: () => Promise<unknown> = () => fetchLocalJson('/local-lessons.json'),
): Promise<LocalContentLoad<LocalLessons>> {
  const builtIn = await builtInFacts();
  return loadLocalContent({ ...storage, fetchLocal: source }, (raw) =>
    parseLocalLessons(raw, builtIn),
  );
}

/** Would these local lessons be accepted? For checking a settings version before use. */
export async function checkLocalLessons(raw: unknown): Promise<string | null> {
  const parsed = parseLocalLessons(raw, await builtInFacts());
  return parsed.ok ? null : parsed.reason;
}
