/**
 * Lessons are content, not code: `content/lessons/lessons.json` holds what is the same in
 * every language (the steps' kinds, pictures and practices, the check's right answers) and
 * `content/lessons/<lang>.json` the words. Validated by the tests and again at load time,
 * so a municipality's or volunteer group's own lessons are refused with a clear reason.
 */
import { z } from 'zod/mini';
import { codeSchema } from '../../../protocol/codes';

export const PICTURES = [
  'tap',
  'swipe',
  'zoom',
  'mouse',
  'keyboard',
  'globe',
  'browser',
  'search',
  'email',
  'password',
  'lock',
  'scam',
  'phone',
  'eleg',
  'mail',
  'video',
  'payment',
  'health',
  'check',
] as const;
export type Picture = (typeof PICTURES)[number];

/** Practices built into the app; `choose` and `spot-signs` take their words from the lesson. */
export const PRACTICES = [
  'tap',
  'drag',
  'type',
  'email',
  'password',
  'login-demo',
  'camera',
  'choose',
  'spot-signs',
] as const;
export type PracticeKind = (typeof PRACTICES)[number];

const explainStep = z.strictObject({ kind: z.literal('explain'), picture: z.enum(PICTURES) });
const builtInPracticeStep = z.strictObject({
  kind: z.literal('practice'),
  practice: z.enum(['tap', 'drag', 'type', 'email', 'password', 'login-demo', 'camera']),
});
const choosePracticeStep = z.strictObject({
  kind: z.literal('practice'),
  practice: z.literal('choose'),
  options: z.int().check(z.minimum(2), z.maximum(4)),
  correct: z.int().check(z.minimum(0), z.maximum(3)),
});
const spotSignsPracticeStep = z.strictObject({
  kind: z.literal('practice'),
  practice: z.literal('spot-signs'),
  parts: z.int().check(z.minimum(3), z.maximum(8)),
  signs: z.array(z.int().check(z.minimum(0), z.maximum(7))).check(z.minLength(1), z.maxLength(6)),
});
export const lessonStepSchema = z.union([
  explainStep,
  builtInPracticeStep,
  choosePracticeStep,
  spotSignsPracticeStep,
]);
export type LessonStep = z.infer<typeof lessonStepSchema>;

export const lessonFactsSchema = z.strictObject({
  id: codeSchema,
  /** Stable 1–99: resume codes carry this number, so it never changes once published. */
  number: z.int().check(z.minimum(1), z.maximum(99)),
  picture: z.enum(PICTURES),
  steps: z.array(lessonStepSchema).check(z.minLength(3), z.maxLength(8)),
  check: z
    .array(
      z.strictObject({
        answers: z.int().check(z.minimum(2), z.maximum(4)),
        correct: z.int().check(z.minimum(0), z.maximum(3)),
      }),
    )
    .check(z.minLength(2), z.maxLength(4)),
});
export type LessonFacts = z.infer<typeof lessonFactsSchema>;

export const lessonsFactsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  lessons: z.array(lessonFactsSchema).check(z.minLength(1), z.maxLength(99)),
});
export type LessonsFacts = z.infer<typeof lessonsFactsSchema>;

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const lessonStepTextsSchema = z.strictObject({
  title: text(120),
  text: text(700),
  /** `choose`: one text per option, and what to say after the right one is chosen. */
  options: z.optional(z.array(text(200)).check(z.minLength(2), z.maxLength(4))),
  /** `spot-signs`: the message, split into the parts a visitor can tap. */
  parts: z.optional(z.array(text(300)).check(z.minLength(3), z.maxLength(8))),
  feedback: z.optional(text(500)),
});

export const lessonTextsSchema = z.strictObject({
  title: text(100),
  summary: text(300),
  steps: z.array(lessonStepTextsSchema).check(z.minLength(3), z.maxLength(8)),
  check: z
    .array(
      z.strictObject({
        question: text(300),
        answers: z.array(text(200)).check(z.minLength(2), z.maxLength(4)),
        /** Kind and explaining: shown whichever answer was chosen. */
        explanation: text(500),
      }),
    )
    .check(z.minLength(2), z.maxLength(4)),
});
export type LessonTexts = z.infer<typeof lessonTextsSchema>;

export const lessonsTextsSchema = z.strictObject({
  lessons: z.record(codeSchema, lessonTextsSchema),
});
export type LessonsTexts = z.infer<typeof lessonsTextsSchema>;

/** Cross-checks a schema cannot express: every lesson has words, and as many as its facts. */
export function lessonProblems(facts: LessonsFacts, texts: LessonsTexts): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const numbers = new Set<number>();
  for (const lesson of facts.lessons) {
    if (ids.has(lesson.id)) problems.push(`lesson ${lesson.id} appears twice`);
    if (numbers.has(lesson.number)) problems.push(`lesson number ${lesson.number} is used twice`);
    ids.add(lesson.id);
    numbers.add(lesson.number);
    if (!lesson.steps.some((step) => step.kind === 'practice'))
      problems.push(`lesson ${lesson.id} has no practice`);
    lesson.check.forEach((question, index) => {
      if (question.correct >= question.answers)
        problems.push(`lesson ${lesson.id} check ${index}: correct answer out of range`);
    });
    const words = texts.lessons[lesson.id];
    if (!words) {
      problems.push(`lesson ${lesson.id} has no texts`);
      continue;
    }
    if (words.steps.length !== lesson.steps.length)
      problems.push(
        `lesson ${lesson.id}: ${words.steps.length} step texts for ${lesson.steps.length} steps`,
      );
    if (words.check.length !== lesson.check.length)
      problems.push(
        `lesson ${lesson.id}: ${words.check.length} questions for ${lesson.check.length}`,
      );
    lesson.check.forEach((question, index) => {
      if (words.check[index] && words.check[index].answers.length !== question.answers)
        problems.push(`lesson ${lesson.id} check ${index}: answer count differs`);
    });
    lesson.steps.forEach((step, index) => {
      const stepWords = words.steps[index];
      if (!stepWords || step.kind !== 'practice') return;
      if (step.practice === 'choose') {
        if (stepWords.options?.length !== step.options || !stepWords.feedback)
          problems.push(
            `lesson ${lesson.id} step ${index}: choose needs ${step.options} options and feedback`,
          );
        if (step.correct >= step.options)
          problems.push(`lesson ${lesson.id} step ${index}: correct option out of range`);
      }
      if (step.practice === 'spot-signs') {
        if (stepWords.parts?.length !== step.parts || !stepWords.feedback)
          problems.push(
            `lesson ${lesson.id} step ${index}: spot-signs needs ${step.parts} parts and feedback`,
          );
        if (step.signs.some((sign) => sign >= step.parts))
          problems.push(`lesson ${lesson.id} step ${index}: a sign is out of range`);
      }
    });
  }
  for (const id of Object.keys(texts.lessons)) {
    if (!ids.has(id)) problems.push(`texts for unknown lesson ${id}`);
  }
  return problems;
}
