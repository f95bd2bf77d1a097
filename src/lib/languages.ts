/** The supported languages, each named in its own language and script for the picker. */
import type { LanguageCode } from '../protocol/vocabulary';

export interface LanguageInfo {
  code: LanguageCode;
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGE_INFO: readonly LanguageInfo[] = [
  { code: 'sv', nativeName: 'Svenska', dir: 'ltr' },
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'fa', nativeName: 'فارسی', dir: 'rtl' },
  { code: 'so', nativeName: 'Soomaali', dir: 'ltr' },
  { code: 'ti', nativeName: 'ትግርኛ', dir: 'ltr' },
  { code: 'uk', nativeName: 'Українська', dir: 'ltr' },
  { code: 'fi', nativeName: 'Suomi', dir: 'ltr' },
];

export function directionOf(code: LanguageCode): 'ltr' | 'rtl' {
  return LANGUAGE_INFO.find((info) => info.code === code)?.dir ?? 'ltr';
}
