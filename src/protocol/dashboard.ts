/**
 * The dashboard's statistics API, shared by the collector (server/src/dashboard/statistics)
 * and the dashboard app (src/dashboard): view ids, the filter schema, the response shapes and
 * the ids of the counting rules. The rule texts live in the dashboard's locales as
 * `rules.<id>`; the rules themselves are applied once, in
 * server/src/dashboard/statistics/counting-rules.ts and migration 008.
 */
import { z } from 'zod/mini';
import { codeSchema } from './codes';
import { AGENCIES, CHANNELS, HELP_LANGUAGES } from './vocabulary';

export const VIEW_IDS = [
  'visits',
  'questions',
  'busy-hours',
  'errands',
  'learning',
  'courses',
  'help-requests',
  'postcodes',
] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export function isViewId(value: unknown): value is ViewId {
  return typeof value === 'string' && (VIEW_IDS as readonly string[]).includes(value);
}

/** Counting rules; each view lists the ones it follows (ViewResponse.rules). */
export const RULE_IDS = [
  'stockholm-day',
  'corrections-apply',
  'questions-not-visitors',
  'batch-counts-visitors',
  'participant-once-per-session',
  'kiosk-events-once',
  'help-request-answer-time',
  'postcode-where-collected',
  'small-cells-suppressed',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const EXPORT_FORMATS = ['csv-excel', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const COMPARE_MODES = ['period', 'help-point'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** The filters a view may ignore (it says so in ViewResponse.ignoredFilters). */
export const FILTER_NAMES = ['channel', 'language'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** A real calendar day, YYYY-MM-DD (a Europe/Stockholm day on the server). */
export const daySchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day: YYYY-MM-DD'),
  z.refine(
    (day) => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day,
    'must be a real calendar day',
  ),
);

/** Longest period one request may cover (days, inclusive). */
export const MAX_PERIOD_DAYS = 3_700;

/** Query string of GET /admin/api/views/:view and its exports. Empty strings mean "no filter". */
export const viewFilterSchema = z.strictObject({
  from: daySchema,
  to: daySchema,
  helpPoint: z.optional(codeSchema),
  channel: z.optional(z.enum(CHANNELS)),
  language: z.optional(z.enum(HELP_LANGUAGES)),
  compare: z.optional(z.enum(COMPARE_MODES)),
  compareFrom: z.optional(daySchema),
  compareTo: z.optional(daySchema),
  compareHelpPoint: z.optional(codeSchema),
  format: z.optional(z.enum(EXPORT_FORMATS)),
});
export type ViewFilter = z.infer<typeof viewFilterSchema>;

export interface ViewRow {
  /** Unique within the series: `${metric}:${code}` (busy-hours: `${metric}:${weekday}-${hour}`). */
  key: string;
  /** metric, and code (or weekday 1–7 Monday first, hour 00–23, Stockholm time). */
  dims: Record<string, string>;
  value: number;
}

export interface ViewSeries {
  /** "2026-01-01 – 2026-03-31" or the help point's name: for legends. */
  label: string;
  from: string;
  to: string;
  helpPointIds: string[];
  /** The view's headline figure (VIEW_TOTALS says which one). */
  total: number;
  rows: ViewRow[];
}

export interface ViewResponse {
  view: ViewId;
  rules: RuleId[];
  /** Filters given that this view cannot apply (e.g. language on courses). */
  ignoredFilters: FilterName[];
  series: ViewSeries[];
}

/** What each view's `total` counts. */
export const VIEW_TOTALS: Readonly<Record<ViewId, string>> = {
  visits: 'visits',
  questions: 'visitors-helped',
  'busy-hours': 'visitors-helped',
  errands: 'errands-viewed',
  learning: 'lessons-started',
  courses: 'participants',
  'help-requests': 'requests',
  postcodes: 'visitors-with-postcode',
};

// ---- Exports beyond the views ----

export const digidelQuerySchema = z.strictObject({
  from: daySchema,
  to: daySchema,
  helpPoint: z.optional(codeSchema),
  format: z.optional(z.enum(EXPORT_FORMATS)),
});

export const kbYearQuerySchema = z.strictObject({
  year: z.string().check(z.regex(/^20\d{2}$/, 'must be a year: YYYY')),
  helpPoint: z.optional(codeSchema),
  format: z.optional(z.enum(EXPORT_FORMATS)),
});

export const agencyFeedbackQuerySchema = z.strictObject({
  agency: z.enum(AGENCIES),
  errand: z.optional(codeSchema),
  from: daySchema,
  to: daySchema,
  helpPoint: z.optional(codeSchema),
  format: z.optional(z.enum(['csv', 'json'] as const)),
});

/** One row of the Digidel per-question export (docs/exports.md maps each column). */
export interface DigidelRow {
  datum: string;
  tid: string;
  hjalppunkt: string;
  antal: number;
  kanal: string;
  amnen: string;
  omrade: string;
  myndighet: string;
  arende: string;
  tidsatgang: string;
  anstrangning: string;
  hinder: string;
  utfall: string;
  hanvisad_till: string;
  sprak: string;
}

/** KB's yearly digital-inclusion figures (docs/exports.md says which KB field is which). */
export interface KbYearSummary {
  year: number;
  helpPointIds: string[];
  /** Course sessions (KB: events/courses in digital inclusion). */
  courseSessions: number;
  /** Participants summed over sessions (counted once per session). */
  courseParticipants: number;
  /** Visitors helped at drop-in or booked sessions (questions are not visitors). */
  dropInVisitorsHelped: number;
  /** All visitors helped by staff in any channel. */
  visitorsHelped: number;
  /** Volunteer and staff hours on courses. */
  courseHoursStaff: number;
  courseHoursVolunteer: number;
}

/** A cell of the agency report: a number, or "<3" when suppressed. */
export type SuppressedCell = number | '<3' | 'suppressed';

export interface AgencyFeedbackRow {
  section: 'total' | 'obstacle' | 'outcome' | 'errand' | 'month';
  code: string;
  value: SuppressedCell;
}

export interface AgencyFeedbackReport {
  agency: string;
  errand: string | null;
  from: string;
  to: string;
  rows: AgencyFeedbackRow[];
  rules: RuleId[];
}
