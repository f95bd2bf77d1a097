/**
 * How long the session lasted (or will last): preset lengths as native radio buttons, big
 * enough to tap, plus "not noted" so a volunteer who does not know never has to guess. The
 * dashboard's volunteer and staff hours are summed from this.
 */
import { useTranslation } from 'react-i18next';
import { DURATION_CHOICES, type DurationChoice as Duration } from '../course-record';

interface DurationChoiceProps {
  name: string;
  legend: string;
  value: Duration | null;
  /** "course" or "plan": data-testid="course-duration-60", "course-duration-none". */
  testIdPrefix: string;
  onChange: (minutes: Duration | null) => void;
}

export function DurationChoice({
  name,
  legend,
  value,
  testIdPrefix,
  onChange,
}: DurationChoiceProps) {
  const { t } = useTranslation('courses');
  const choices: (Duration | null)[] = [null, ...DURATION_CHOICES];
  return (
    <fieldset className="courses-fieldset">
      <legend className="field-label">{legend}</legend>
      <div className="cluster">
        {choices.map((minutes) => (
          <label key={minutes ?? 'none'} className="courses-choice">
            <input
              type="radio"
              name={name}
              value={minutes ?? ''}
              checked={value === minutes}
              data-testid={`${testIdPrefix}-duration-${minutes ?? 'none'}`}
              onChange={() => onChange(minutes)}
            />
            {minutes === null
              ? t('courses:duration.none')
              : t('courses:duration.minutes', { minutes })}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
