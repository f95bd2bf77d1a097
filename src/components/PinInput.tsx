/**
 * The staff PIN field, shared by staff mode's PIN dialog and the re-enrollment dialog: digits
 * only (a pasted "12 34 56" keeps its digits), never shown, and as long as the longest PIN a
 * help point may set, so no valid PIN is cut short while it is typed.
 */
import { PIN_MAX_DIGITS } from '../lib/pin-hash';
import './form.css';

interface PinInputProps {
  id: string;
  value: string;
  onChange: (digits: string) => void;
  invalid: boolean;
  describedBy: string | undefined;
  testId: string;
}

export function PinInput({ id, value, onChange, invalid, describedBy, testId }: PinInputProps) {
  return (
    <input
      id={id}
      className="input input--wide input--large"
      type="password"
      inputMode="numeric"
      autoComplete="off"
      maxLength={PIN_MAX_DIGITS}
      dir="ltr"
      value={value}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
    />
  );
}
