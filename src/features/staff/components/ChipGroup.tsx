/**
 * A labelled group of big toggle buttons: one choice (radio-like) or several. Toggle buttons
 * with aria-pressed are one tap each on a tablet and read well by screen readers; the group's
 * legend names the field.
 */
import type { ReactNode } from 'react';
import { noteTap } from '../tagging/commit-timing';

interface ChipGroupProps<T extends string | number> {
  legend: ReactNode;
  options: readonly T[];
  selected: readonly T[];
  label: (option: T) => string;
  onToggle: (option: T) => void;
  /** A field the record needs before it saves (shown with the legend). */
  required?: boolean;
  requiredLabel?: string;
  testId: string;
  describedBy?: string;
  /** Notes each tap's event time, for the tap-to-commit measure (bench:staff). */
  timed?: boolean;
}

export function ChipGroup<T extends string | number>({
  legend,
  options,
  selected,
  label,
  onToggle,
  required = false,
  requiredLabel,
  testId,
  describedBy,
  timed = false,
}: ChipGroupProps<T>) {
  return (
    <fieldset className="chip-group" data-testid={testId} aria-describedby={describedBy}>
      <legend className="chip-group__legend">
        {legend}
        {required && requiredLabel ? (
          <span className="chip-group__required"> ({requiredLabel})</span>
        ) : null}
      </legend>
      <div className="cluster">
        {options.map((option) => (
          <button
            key={option}
            type="button"
            className="chip"
            aria-pressed={selected.includes(option)}
            data-value={option}
            onClick={(event) => {
              if (timed) noteTap(event.timeStamp);
              onToggle(option);
            }}
          >
            {label(option)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
