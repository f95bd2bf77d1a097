/**
 * Resume codes: a visitor who wants to continue another day gets four digits to write down.
 * They hold only the lesson's published number (two digits) and the step (one digit), plus a
 * Luhn check digit so a mistyped code is refused rather than opening the wrong lesson. No
 * personal data, nothing stored: any kiosk with the same lessons reads the same code.
 */
export interface ResumePoint {
  lessonNumber: number;
  /** Zero-based step index. */
  step: number;
}

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((character, index) => {
    let value = Number(character);
    if (index % 2 === 0) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  });
  return (10 - (sum % 10)) % 10;
}

export function encodeResumeCode({ lessonNumber, step }: ResumePoint): string {
  if (!Number.isInteger(lessonNumber) || lessonNumber < 1 || lessonNumber > 99)
    throw new RangeError('lesson number must be 1–99');
  if (!Number.isInteger(step) || step < 0 || step > 8) throw new RangeError('step must be 0–8');
  const body = `${String(lessonNumber).padStart(2, '0')}${step + 1}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** Accepts what people type: spaces, dashes and non-Latin digits (Arabic, Persian) too. */
export function decodeResumeCode(typed: string): ResumePoint | null {
  const digits = typed
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[\s-]/g, '');
  if (!/^\d{4}$/.test(digits)) return null;
  const body = digits.slice(0, 3);
  if (luhnCheckDigit(body) !== Number(digits[3])) return null;
  const lessonNumber = Number(body.slice(0, 2));
  const step = Number(body[2]) - 1;
  if (lessonNumber < 1 || step < 0) return null;
  return { lessonNumber, step };
}
