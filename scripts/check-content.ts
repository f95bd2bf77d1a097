/**
 * Validates the lesson and Testa content for the languages given (default: all present),
 * printing every problem: `tsx scripts/check-content.ts sv en`. The unit tests run the same
 * checks for all eight languages; this is the quick loop for whoever writes content.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  lessonProblems,
  lessonsFactsSchema,
  lessonsTextsSchema,
} from '../src/features/lara/lessons/lesson-schema';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const languages = process.argv.slice(2);
let failures = 0;

const facts = lessonsFactsSchema.safeParse(read('content/lessons/lessons.json'));
if (!facts.success) {
  console.log('lessons.json:', JSON.stringify(facts.error.issues.slice(0, 5)));
  process.exit(1);
}
for (const language of languages) {
  const path = `content/lessons/${language}.json`;
  if (!existsSync(path)) {
    console.log(`${path}: missing`);
    failures += 1;
    continue;
  }
  const texts = lessonsTextsSchema.safeParse(read(path));
  if (!texts.success) {
    console.log(`${path}:`, JSON.stringify(texts.error.issues.slice(0, 5)));
    failures += 1;
    continue;
  }
  const problems = lessonProblems(facts.data, texts.data);
  problems.forEach((problem) => console.log(`${path}: ${problem}`));
  failures += problems.length;
  if (problems.length === 0) console.log(`${path}: ok (${facts.data.lessons.length} lessons)`);
}
process.exit(failures > 0 ? 1 : 0);
