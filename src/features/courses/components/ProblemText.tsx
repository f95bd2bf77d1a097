/** A problem shown right under its field; the field points at it with aria-describedby. */
import { useTranslation } from 'react-i18next';
import type { CourseProblem } from '../course-record';

export function ProblemText({ id, problems }: { id: string; problems: readonly CourseProblem[] }) {
  const { t } = useTranslation('courses');
  if (problems.length === 0) return null;
  return (
    <p id={id} className="field-problem">
      {problems.map((problem) => t(`courses:problem.${problem}`)).join(' ')}
    </p>
  );
}

/** The id to put in aria-describedby, only while there is something to describe. */
export function describedBy(id: string, problems: readonly CourseProblem[]): string | undefined {
  return problems.length > 0 ? id : undefined;
}
