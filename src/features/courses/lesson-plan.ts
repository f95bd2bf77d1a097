/**
 * A volunteer's lesson plan, built from a Lära lesson's content: the goal, the steps to show,
 * the exercises to do together and the questions to finish with. Works offline, like Lära.
 * A course type's plan is the list of the Lära lessons it works through.
 */
import { COURSE_TYPE_LESSONS, isCourseType } from './course-record';

interface PlannedLesson {
  id: string;
  number: number;
  title: string;
  plan: readonly PlanItem[];
  lang?: 'sv';
}

/** The parts of a lesson a plan needs (structural, so this feature does not reach into Lära). */
export interface PlanSource {
  steps: readonly { kind: 'explain' | 'practice' }[];
  check: readonly unknown[];
}
export interface PlanWords {
  title: string;
  summary: string;
  steps: readonly { title: string; text: string }[];
  check: readonly { question: string; explanation: string }[];
}

export interface PlanItem {
  id: string;
  kind: 'goal' | 'step' | 'exercise' | 'question' | 'lesson';
  title: string;
  detail: string;
  /** 'sv' when the words are a Swedish fallback. */
  lang?: 'sv';
}

export function lessonPlan(lesson: PlanSource, words: PlanWords): PlanItem[] {
  return [
    { id: 'goal', kind: 'goal', title: words.title, detail: words.summary },
    ...lesson.steps.map((step, index) => ({
      id: `step-${index}`,
      kind: step.kind === 'practice' ? ('exercise' as const) : ('step' as const),
      title: words.steps[index]?.title ?? '',
      detail: words.steps[index]?.text ?? '',
    })),
    ...lesson.check.map((_, index) => ({
      id: `question-${index}`,
      kind: 'question' as const,
      title: words.check[index]?.question ?? '',
      detail: words.check[index]?.explanation ?? '',
    })),
  ];
}

/** The lessons a course works through, as one checklist item each (title and goal). */
export function courseTypePlan(
  lessonIds: readonly string[],
  lessons: readonly PlannedLesson[],
): PlanItem[] {
  return lessonIds.flatMap((lessonId) => {
    const lesson = lessons.find((candidate) => candidate.id === lessonId);
    if (!lesson) return [];
    const goal = lesson.plan.find((item) => item.kind === 'goal');
    return [
      {
        id: `lesson-${lesson.id}`,
        kind: 'lesson' as const,
        title: lesson.title,
        detail: goal?.detail ?? '',
        ...(lesson.lang ? { lang: lesson.lang } : {}),
      },
    ];
  });
}

/** The checklist for a topic: a lesson's own plan, or a course type's lessons. */
export function planFor(
  topic: string | null,
  lessons: readonly PlannedLesson[] | null,
): PlanItem[] {
  if (!topic) return [];
  if (isCourseType(topic)) return courseTypePlan(COURSE_TYPE_LESSONS[topic], lessons ?? []);
  const lesson = lessons?.find((candidate) => candidate.id === topic);
  if (!lesson) return [];
  return lesson.plan.map((item) => (lesson.lang ? { ...item, lang: lesson.lang } : item));
}
