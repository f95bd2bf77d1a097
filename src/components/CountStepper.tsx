/**
 * A count: a big number field between "−" and "+" buttons, quicker than a keyboard on a tablet,
 * used by the staff app (visitors in a record) and courses (attendees). It can be set by
 * tapping or by typing, in Western, Arabic-Indic or Persian digits. What is typed stays as
 * typed: anything but a whole number reaches `onChange` as NaN, for the form to show as a
 * problem or to leave aside. The buttons step within `min` and `max`.
 */
import { useId } from 'react';
import { parseCount } from '../lib/parse-count';
import { useFieldValue } from './use-field-value';
import './button.css';
import './layout.css';
import './form.css';

/** A count as the field would show it: "07" and "7" are both "7"; not a number is "". */
const countText = (text: string) => {
  const count = parseCount(text);
  return Number.isFinite(count) ? String(count) : '';
};

interface CountStepperProps {
  label: string;
  /** NaN while the field holds no whole number. */
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  /** The "−" and "+" buttons' names, in the caller's words ("One less: Attendees"). */
  lessLabel: string;
  moreLabel: string;
  hint?: string;
  /** What is wrong with the value, in words: shown under the field, which is marked invalid. */
  problem?: string;
  testId: string;
  /** The field's id, for a form that moves focus to it; made up when not given. */
  id?: string;
}

export function CountStepper(props: CountStepperProps) {
  const { label, value, min, max, onChange, hint, problem } = props;
  const madeUpId = useId();
  const id = props.id ?? madeUpId;
  const current = Number.isFinite(value) ? value : min;
  const text = Number.isFinite(value) ? String(value) : '';
  const fieldRef = useFieldValue<HTMLInputElement>(text, countText);
  const step = (by: number) => onChange(Math.min(max, Math.max(min, current + by)));
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="cluster">
        <button
          type="button"
          className="button button--secondary stepper__button"
          aria-label={props.lessLabel}
          aria-controls={id}
          disabled={current <= min}
          onClick={() => step(-1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={id}
          className="input stepper__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          dir="ltr"
          ref={fieldRef}
          defaultValue={text}
          aria-invalid={Boolean(problem)}
          aria-describedby={describedBy || undefined}
          data-testid={props.testId}
          onChange={(event) => onChange(parseCount(event.target.value))}
        />
        <button
          type="button"
          className="button button--secondary stepper__button"
          aria-label={props.moreLabel}
          aria-controls={id}
          disabled={current >= max}
          onClick={() => step(1)}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
