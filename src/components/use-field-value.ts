/**
 * Keeps an uncontrolled field showing a value that changes from outside (a stepper, a reset).
 * The fields are uncontrolled on purpose: a controlled field is reset to its old value when
 * some other state change re-renders the page in the middle of an input event (the activity
 * listeners run in the capture phase), and the typed text is then silently lost. So the field
 * is written to only when the value itself changes, never on a re-render.
 */
import { useEffect, useRef } from 'react';

const asTyped = (text: string) => text;

export function useFieldValue<T extends HTMLInputElement | HTMLSelectElement>(
  value: string,
  /** What the field's text means, as `value` would say it ("07" means "7"). Keep it stable. */
  canonical: (text: string) => string = asTyped,
) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const field = ref.current;
    if (field && canonical(field.value) !== value) field.value = value;
  }, [value, canonical]);
  return ref;
}
