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

// ---- Staff question tags (Digidel per-question registration, READ scale) ----

export const HELP_TOPICS = [
  'printing-copying-scanning',
  'library-digital-services',
  'login-passwords',
  'e-legitimation',
  'getting-started',
  'finding-information',
  'email-messaging',
  'social-media-video-calls',
  'money-payments',
  'public-authority-errand',
  'healthcare-1177',
  'job-seeking',
  'own-device',
  'safety-scams',
  'other',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export const AREAS = [
  'public-authority',
  'municipality',
  'healthcare',
  'bank-payments',
  'library-services',
  'social-communication',
  'work-studies',
  'everyday-digital',
] as const;
export type Area = (typeof AREAS)[number];

export const AGENCIES = [
  'skatteverket',
  'forsakringskassan',
  'arbetsformedlingen',
  'pensionsmyndigheten',
  'csn',
  'migrationsverket',
  'polisen',
  'transportstyrelsen',
  'trafikverket',
  'kronofogden',
  'region-1177',
  'municipality',
  'bank',
  'other',
] as const;
export type Agency = (typeof AGENCIES)[number];

export const TIME_SPENT = ['under-5', '5-15', '15-30', '30-60', 'over-60'] as const;
export type TimeSpent = (typeof TIME_SPENT)[number];

/** READ scale 1–6. */
export const EFFORT_LEVELS = [1, 2, 3, 4, 5, 6] as const;
export type EffortLevel = (typeof EFFORT_LEVELS)[number];

export const OBSTACLES = [
  'no-e-legitimation',
  'language',
  'no-own-device',
  'e-service-hard',
  'e-service-broken',
  'needed-case-officer',
  'outside-remit',
  'none',
] as const;
export type Obstacle = (typeof OBSTACLES)[number];

export const OUTCOMES = [
  'solved',
  'partly-solved',
  'referred',
  'follow-up-booked',
  'not-solved',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REFERRAL_TARGETS = ['agency', 'citizen-office', 'other'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

export const CHANNELS = ['kiosk', 'drop-in', 'booked', 'phone', 'course'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The language help was given in: a supported language, or "other". */
export const HELP_LANGUAGES = [...LANGUAGES, 'other'] as const;
export type HelpLanguage = (typeof HELP_LANGUAGES)[number];

// ---- Lessons, courses, errands, technology ----

export const SCORE_BANDS = ['none', 'low', 'mid', 'high'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export const COURSE_ROLES = ['volunteer', 'staff', 'partner'] as const;
export type CourseRole = (typeof COURSE_ROLES)[number];

export const FOUND_BY = ['search', 'category', 'suggestion'] as const;
export type FoundBy = (typeof FOUND_BY)[number];

export const ERRAND_CHOICES = ['none', 'phone', 'kiosk', 'staff'] as const;
export type ErrandChoice = (typeof ERRAND_CHOICES)[number];

export const FEEDBACK_CONTEXTS = ['visit', 'lesson', 'errand', 'course'] as const;
export type FeedbackContext = (typeof FEEDBACK_CONTEXTS)[number];

// ---- Codes that are not content ids, but that logs carry in a content id's place ----

/** Testa's try-it-here demos: logged as `tech-tried` itemIds, like the items. */
export const TESTA_DEMOS = ['camera-check', 'qr-practice', 'read-aloud'] as const;

/** Course types a `course-session` topic may name besides a Lära lesson id. */
export const COURSE_TYPES = [
  'basic-internet',
  'smartphone-tablet',
  'e-legitimation-course',
  'safety-online',
  'e-services-course',
  'other-course',
] as const;
