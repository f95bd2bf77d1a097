/**
 * The course topic: a native select (easy with a keyboard, a screen reader or a finger), the
 * Lära lessons by number and title first, then the course types.
 */
import { useTranslation } from 'react-i18next';
import { COURSE_TYPES, type CourseProblem } from '../course-record';
import type { CourseLesson } from '../course-services';
import { describedBy, ProblemText } from './ProblemText';
import { useFieldValue } from '../../../components/use-field-value';

interface TopicSelectProps {
  id: string;
  value: string | null;
  lessons: readonly CourseLesson[] | null;
  problems: readonly CourseProblem[];
  testId: string;
  onChange: (topic: string | null) => void;
}

export function TopicSelect({ id, value, lessons, problems, testId, onChange }: TopicSelectProps) {
  const { t } = useTranslation('courses');
  const fieldRef = useFieldValue<HTMLSelectElement>(value ?? '');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('courses:topic.label')}
      </label>
      <select
        id={id}
        className="input input--wide"
        ref={fieldRef}
        defaultValue={value ?? ''}
        required
        aria-invalid={problems.length > 0}
        aria-describedby={describedBy(`${id}-problem`, problems)}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{t('courses:topic.choose')}</option>
        {lessons && lessons.length > 0 ? (
          <optgroup label={t('courses:topic.lessons')}>
            {lessons.map((lesson) => (
              <option key={lesson.id} value={lesson.id} lang={lesson.lang}>
                {t('courses:topic.lesson', { number: lesson.number, title: lesson.title })}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label={t('courses:topic.courses')}>
          {COURSE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`courses:type.${type}`)}
            </option>
          ))}
        </optgroup>
      </select>
      <ProblemText id={`${id}-problem`} problems={problems} />
    </div>
  );
}
