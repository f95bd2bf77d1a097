/** A number with big − and + buttons beside it: quicker than a keyboard on a tablet. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface CountStepperProps {
  label: string;
  hint?: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  testId: string;
}

export function CountStepper({
  label,
  hint,
  value,
  min,
  max,
  onChange,
  testId,
}: CountStepperProps) {
  const { t } = useTranslation('staff');
  const id = useId();
  const clamp = (next: number) => Math.min(max, Math.max(min, next));
  return (
    <div className="staff-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="stepper">
        <button
          type="button"
          className="button button--secondary stepper__button"
          onClick={() => onChange(clamp(value - 1))}
          disabled={value <= min}
          aria-label={t('stepper.less', { label })}
        >
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          className="staff-input stepper__input"
          min={min}
          max={max}
          value={value}
          onChange={(event) => {
            const next = Number.parseInt(event.target.value, 10);
            if (Number.isInteger(next)) onChange(clamp(next));
          }}
          aria-describedby={hint ? `${id}-hint` : undefined}
          data-testid={testId}
        />
        <button
          type="button"
          className="button button--secondary stepper__button"
          onClick={() => onChange(clamp(value + 1))}
          disabled={value >= max}
          aria-label={t('stepper.more', { label })}
        >
          +
        </button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
