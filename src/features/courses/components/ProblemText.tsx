/** A problem shown right under its field; the field points at it with aria-describedby. */
import { useTranslation } from 'react-i18next';
import type { CourseProblem } from '../course-record';

/** The words for a field's problems, or undefined when it has none. */
export function useProblemWords(): (problems: readonly CourseProblem[]) => string | undefined {
  const { t } = useTranslation('courses');
  return (problems) =>
    problems.length > 0
      ? problems.map((problem) => t(`courses:problem.${problem}`)).join(' ')
      : undefined;
}

export function ProblemText({ id, problems }: { id: string; problems: readonly CourseProblem[] }) {
  const words = useProblemWords()(problems);
  if (!words) return null;
  return (
    <p id={id} className="field-problem">
      {words}
    </p>
  );
}

/** The id to put in aria-describedby, only while there is something to describe. */
export function describedBy(id: string, problems: readonly CourseProblem[]): string | undefined {
  return problems.length > 0 ? id : undefined;
}
