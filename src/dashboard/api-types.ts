/**
 * PROVISIONAL copy of the dashboard API types (issue 13 contract, /tmp/hp/contract-13.md).
 * The statistics part mirrors STATS (B)'s src/protocol/dashboard.ts on branch dash-stats
 * (read at 23:05 UTC: VIEW_IDS, RULE_IDS, ViewRow/ViewSeries/ViewResponse with ignoredFilters,
 * AgencyFeedbackRow). When the lead has merged B, replace VIEW_IDS, RULE_IDS, EXPORT_FORMATS and
 * the view/series/agency types here by imports from src/protocol/dashboard.ts.
 */
import type { Agency, LanguageCode } from '../protocol/vocabulary';

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

export type AccountRole = 'admin' | 'manager' | 'viewer';
export interface Account {
  id: string;
  email: string;
  role: AccountRole;
  municipalityCode: string;
  helpPointIds: string[];
}
export interface HelpPointRef {
  id: string;
  name: string;
  municipalityCode: string;
}
export interface Me {
  account: Account;
  csrfToken: string;
  municipality: { code: string; name: string } | null;
  /** Present when one account may see several municipalities (a region); else absent. */
  municipalities?: { code: string; name: string }[];
  helpPoints: HelpPointRef[];
}

export type Compare = 'period' | 'help-point';
export interface ViewFilters {
  from: string;
  to: string;
  helpPoint?: string;
  channel?: string;
  language?: string;
  municipality?: string;
  compare?: Compare;
  compareFrom?: string;
  compareTo?: string;
  compareHelpPoint?: string;
}

export interface SeriesRow {
  /** `${metric}:${code}` (busy-hours: `${metric}:${weekday}-${hour}`). */
  key: string;
  /** metric and code, or metric, weekday (1–7, Monday first) and hour (00–23). */
  dims: Record<string, string | number>;
  value: number;
}
export interface Series {
  label: string;
  from: string;
  to: string;
  helpPointIds: string[];
  total: number;
  rows: SeriesRow[];
}
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

export interface ViewResponse {
  view: ViewId;
  rules: RuleId[];
  /** Filters given that this view cannot apply (e.g. language on courses). */
  ignoredFilters?: ('channel' | 'language')[];
  series: Series[];
}

/** A cell of the agency report: a number, or "<3" when suppressed. */
export interface AgencyFeedbackRow {
  section: 'total' | 'obstacle' | 'outcome' | 'errand' | 'month';
  code: string;
  value: number | '<3' | 'suppressed';
}
export interface AgencyFeedbackReport {
  agency: string;
  errand: string | null;
  from: string;
  to: string;
  rows: AgencyFeedbackRow[];
  rules: RuleId[];
}

export const EXPORT_FORMATS = ['csv-excel', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const DEVICE_WARNINGS = [
  'not-seen',
  'queue-growing',
  'old-version',
  'settings-refused',
  'clock-wrong',
  'storage-not-persistent',
] as const;
export type DeviceWarning = (typeof DEVICE_WARNINGS)[number];
export interface DeviceInfo {
  id: string;
  name: string | null;
  helpPointId: string;
  role: 'kiosk' | 'staff';
  lastSeenAt: string | null;
  enrolledAt?: string;
  revokedAt?: string | null;
  heartbeat: {
    appVersion?: string;
    settingsVersion?: number | null;
    queueDepth?: number;
    storagePersisted?: boolean;
    clockSkewSeconds?: number | null;
    lastError?: string | null;
  } | null;
  warnings: DeviceWarning[];
}
export interface Enrollment {
  link: string;
  expiresAt: string;
  qrSvg: string;
}

export interface AgencyHours {
  agency: Agency;
  days: string[];
  from: string;
  to: string;
}
/** FLEET (D)'s GET /help-points/:id/settings, as on branch dash-fleet at 23:15 UTC. */
export interface SettingsVersion {
  version: number;
  kind?: string;
  publishedBy: string | null;
  publishedAt: string;
  rolledBackFrom?: number | null;
  /** The devices that applied this version (not revoked). */
  appliedBy: { id: string; name: string | null }[];
}
export interface HelpPointSettings {
  helpPointId?: string;
  /** null before the help point's first version. */
  current: {
    version: number;
    config: Record<string, unknown>;
    localCatalogue: unknown;
    localLessons: unknown;
    pinSet?: boolean;
  } | null;
  versions: SettingsVersion[];
}

export type Language = Extract<LanguageCode, 'sv' | 'en'>;
