/**
 * The parts of the kiosk configuration the attract screen needs before it is interactive: the
 * built-in defaults, the weekdays, the staff lock's timing and the localised desk text. Kept
 * apart from the schemas in kiosk-config.ts so that the first screen does not load zod; the
 * schemas load when a file is checked (a first start, a refresh), behind the first screen.
 */
import type { KioskConfig } from './kiosk-config';
import type { LanguageCode } from '../protocol/vocabulary';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const DEFAULT_STAFF_LOCK_MINUTES = 2;

/** How long staff mode stays open on a kiosk without a touch. */
export function staffSessionMs(config: Pick<KioskConfig, 'staffLockMinutes'>): number {
  return (config.staffLockMinutes ?? DEFAULT_STAFF_LOCK_MINUTES) * 60_000;
}

export const DEFAULT_KIOSK_CONFIG: KioskConfig = {
  helpPointId: 'demo-bibliotek',
  helpPointName: 'Stadsbiblioteket',
  ownerName: 'Exempels kommun',
  deskLocation: {
    sv: 'Informationsdisken på entréplan, till vänster om ingången.',
    en: 'The information desk on the entrance floor, to the left of the entrance.',
  },
  staffedHours: [
    { days: ['mon', 'tue', 'wed', 'thu'], from: '10:00', to: '16:00' },
    { days: ['fri'], from: '10:00', to: '13:00' },
  ],
  idleSeconds: 90,
  warningSeconds: 60,
  updateCheckMinutes: 30,
  syncPeriodSeconds: 60,
  logRetentionDays: 30,
  deadLetterRetentionDays: 90,
  eServiceIdleMinutes: 15,
  accessibilityContact: { email: 'tillganglighet@kommun.example', phone: '0480-45 00 00' },
};

export type ConfigLoadResult =
  | { status: 'loaded'; config: KioskConfig }
  | { status: 'refused'; config: KioskConfig; reason: string }
  | { status: 'unreachable'; config: KioskConfig };

export function localisedConfigText(
  texts: KioskConfig['deskLocation'],
  language: LanguageCode,
): { text: string; lang: LanguageCode } {
  const own = texts[language];
  return own ? { text: own, lang: language } : { text: texts.sv ?? '', lang: 'sv' };
}
