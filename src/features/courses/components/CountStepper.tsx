/**
 * A head count: a big number field between "−" and "+" buttons, so it can be set by tapping
 * or by typing (Arabic-Indic and Persian digits too). What is typed stays as typed: anything
 * but a whole number is NaN, which the form shows as a problem next to the field.
 */
import { useTranslation } from 'react-i18next';
import { MAX_ATTENDEES, type CourseProblem } from '../course-record';
import { parseCount } from '../session-form';
import { describedBy, ProblemText } from './ProblemText';
import { useFieldValue } from './use-field-value';

/** A count as the field would show it: "07" and "7" are both "7"; not a number is "". */
const countText = (text: string) => {
  const count = parseCount(text);
  return Number.isFinite(count) ? String(count) : '';
};

interface CountStepperProps {
  id: string;
  label: string;
  value: number;
  problems: readonly CourseProblem[];
  testId: string;
  onChange: (value: number) => void;
}

export function CountStepper({ id, label, value, problems, testId, onChange }: CountStepperProps) {
  const { t } = useTranslation('courses');
  const current = Number.isFinite(value) ? value : 0;
  const text = Number.isFinite(value) ? String(value) : '';
  const fieldRef = useFieldValue<HTMLInputElement>(text, countText);
  return (
    <div className="courses-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="courses-stepper">
        <button
          type="button"
          className="button courses-stepper__button"
          aria-label={t('courses:log.fewer', { field: label })}
          aria-controls={id}
          onClick={() => onChange(Math.max(0, current - 1))}
        >
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={id}
          className="courses-stepper__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          dir="ltr"
          ref={fieldRef}
          defaultValue={text}
          aria-invalid={problems.length > 0}
          aria-describedby={describedBy(`${id}-problem`, problems)}
          data-testid={testId}
          onChange={(event) => onChange(parseCount(event.target.value))}
        />
        <button
          type="button"
          className="button courses-stepper__button"
          aria-label={t('courses:log.more', { field: label })}
          aria-controls={id}
          onClick={() => onChange(Math.min(MAX_ATTENDEES, current + 1))}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      <ProblemText id={`${id}-problem`} problems={problems} />
    </div>
  );
}
