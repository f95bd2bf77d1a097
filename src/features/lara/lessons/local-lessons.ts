/**
 * A municipality's or volunteer group's own lessons (`/local-lessons.json`): the same facts
 * and texts as the built-in ones, Swedish required, other languages optional (shown in
 * Swedish, marked as such). A lesson with a built-in id replaces it; numbers must stay unique,
 * because resume codes carry them.
 */
import { z } from 'zod/mini';
import {
  lessonFactsSchema,
  lessonProblems,
  lessonsTextsSchema,
  type LessonsFacts,
  type LessonsTexts,
  type LessonTexts,
} from './lesson-schema';
import { LANGUAGES, type LanguageCode } from '../../../protocol/vocabulary';
import { describeIssues } from '../../../lib/schema-errors';
import type { ParseResult } from '../../../lib/local-content';

export const localLessonsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  lessons: z.array(lessonFactsSchema).check(z.minLength(1), z.maxLength(50)),
  texts: z.partialRecord(z.enum(LANGUAGES), lessonsTextsSchema),
});
export type LocalLessons = z.infer<typeof localLessonsSchema>;

export function parseLocalLessons(raw: unknown, builtIn: LessonsFacts): ParseResult<LocalLessons> {
  const parsed = localLessonsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error.issues) };
  const local = parsed.data;
  const swedish = local.texts.sv;
  if (!swedish) return { ok: false, reason: 'texts.sv: Swedish texts are required' };
  const problems = lessonProblems({ schemaVersion: 1, lessons: local.lessons }, swedish);
  const localIds = new Set(local.lessons.map((lesson) => lesson.id));
  for (const lesson of local.lessons) {
    const clash = builtIn.lessons.find(
      (other) => other.number === lesson.number && !localIds.has(other.id),
    );
    if (clash)
      problems.push(`lessons.${lesson.id}: number ${lesson.number} belongs to ${clash.id}`);
  }
  for (const [language, texts] of Object.entries(local.texts)) {
    if (language === 'sv' || !texts) continue;
    const foreign = Object.keys(texts.lessons).filter((id) => !localIds.has(id));
    if (foreign.length > 0)
      problems.push(`texts.${language}: unknown lessons ${foreign.join(', ')}`);
  }
  return problems.length > 0
    ? { ok: false, reason: problems.slice(0, 5).join('; ') }
    : { ok: true, value: local };
}

export interface MergedLessons {
  facts: LessonsFacts;
  texts: LessonsTexts;
  swedishFallback: Set<string>;
}

export function mergeLessons(
  facts: LessonsFacts,
  texts: LessonsTexts,
  local: LocalLessons | null,
  language: LanguageCode,
): MergedLessons {
  if (!local) return { facts, texts, swedishFallback: new Set() };
  const localIds = new Set(local.lessons.map((lesson) => lesson.id));
  const swedishFallback = new Set<string>();
  const merged: Record<string, LessonTexts> = { ...texts.lessons };
  for (const id of localIds) {
    const own = local.texts[language]?.lessons[id];
    const swedish = local.texts.sv?.lessons[id];
    if (!own) swedishFallback.add(id);
    const chosen = own ?? swedish;
    if (chosen) merged[id] = chosen;
  }
  const lessons = [
    ...facts.lessons.filter((lesson) => !localIds.has(lesson.id)),
    ...local.lessons,
  ].sort((a, b) => a.number - b.number);
  return { facts: { schemaVersion: 1, lessons }, texts: { lessons: merged }, swedishFallback };
}
