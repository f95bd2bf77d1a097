/**
 * Fixed code lists shared by the kiosk, the service worker and the collector.
 * Logs may only carry these codes (never free text), so that no visitor can be identified.
 */
export const LANGUAGES = ['sv', 'en', 'ar', 'fa', 'so', 'ti', 'uk', 'fi'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: LanguageCode = 'sv';

export const DOORS = ['lara', 'anvanda', 'testa'] as const;
export type Door = (typeof DOORS)[number];

export const SESSION_ENDINGS = ['finished', 'timed-out'] as const;
export type SessionEnding = (typeof SESSION_ENDINGS)[number];

export const FEEDBACK_ANSWERS = ['yes', 'partly', 'no'] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

export const TEXT_SIZES = [100, 150, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
