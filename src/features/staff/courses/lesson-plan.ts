/**
 * A volunteer's lesson plan, built from a Lära lesson's content: the goal, the steps to show,
 * the exercises to do together and the questions to finish with. Works offline, like Lära.
 */

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
  kind: 'goal' | 'step' | 'exercise' | 'question';
  title: string;
  detail: string;
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
