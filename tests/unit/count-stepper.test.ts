// @vitest-environment happy-dom
/**
 * The count stepper shared by the staff app and courses: digits from any of the kiosk's
 * keyboards, what is typed passed on as typed, "−" and "+" kept within bounds, and a problem
 * said next to the field.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { CountStepper } from '../../src/components/CountStepper';
import { parseCount } from '../../src/lib/parse-count';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

type Props = Parameters<typeof CountStepper>[0];

function render(props: Partial<Props> = {}) {
  const changes: number[] = [];
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const draw = (more: Partial<Props> = {}) =>
    act(() =>
      root?.render(
        createElement(CountStepper, {
          label: 'Visitors',
          value: 3,
          min: 1,
          max: 10,
          lessLabel: 'One less',
          moreLabel: 'One more',
          testId: 'count',
          onChange: (value: number) => changes.push(value),
          ...props,
          ...more,
        }),
      ),
    );
  draw();
  const field = container.querySelector('input') as HTMLInputElement;
  const button = (name: string) =>
    container.querySelector(`button[aria-label="${name}"]`) as HTMLButtonElement;
  return { changes, field, container, draw, less: button('One less'), more: button('One more') };
}

/** Types into the field as a keyboard would: React hears the input event. */
function type(field: HTMLInputElement, text: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setValue?.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('parseCount', () => {
  it('reads Western, Arabic-Indic and Persian digits, and nothing but a whole number', () => {
    expect(parseCount('42')).toBe(42);
    expect(parseCount('٤٢')).toBe(42);
    expect(parseCount('۴۲')).toBe(42);
    expect(parseCount('1٠۰')).toBe(100);
    expect(parseCount(' 7 ')).toBe(7);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('-1')).toBeNaN();
    expect(parseCount('7a')).toBeNaN();
    expect(parseCount('12345')).toBeNaN();
    expect(parseCount(' ')).toBeNaN();
  });
});

describe('CountStepper', () => {
  it('passes on what is typed, in any of the kiosk’s digits, and NaN for anything else', () => {
    const { field, changes } = render();
    type(field, '٧');
    type(field, '۱۲');
    type(field, '');
    type(field, '1.5');
    expect(changes).toEqual([7, 12, Number.NaN, Number.NaN]);
  });

  it('steps by one within min and max, and cannot step past them', () => {
    const atMin = render({ value: 1 });
    expect(atMin.less.disabled).toBe(true);
    act(() => atMin.more.click());
    expect(atMin.changes).toEqual([2]);
    atMin.draw({ value: 10 });
    expect(atMin.more.disabled).toBe(true);
    expect(atMin.less.disabled).toBe(false);
    act(() => atMin.less.click());
    expect(atMin.changes).toEqual([2, 9]);
    // An empty field steps up from the lowest count.
    atMin.draw({ value: Number.NaN });
    act(() => atMin.more.click());
    expect(atMin.changes).toEqual([2, 9, 2]);
  });

  it('shows a value set from outside, but leaves what was typed when it means the same', () => {
    const { field, draw } = render({ value: 3 });
    expect(field.value).toBe('3');
    draw({ value: 4 });
    expect(field.value).toBe('4');
    type(field, '٤');
    draw({ value: 4 });
    expect(field.value).toBe('٤');
  });

  it('says the hint and the problem next to the field, and marks it invalid', () => {
    const { field, container } = render({ hint: 'Whole visitors', problem: 'Too many' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => container.ownerDocument.getElementById(id)?.textContent);
    expect(described).toEqual(['Whole visitors', 'Too many']);
    expect(container.querySelector('.field-problem')?.textContent).toBe('Too many');
  });
});
