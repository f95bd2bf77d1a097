/**
 * PROVISIONAL copy of the dashboard API types from the issue 13 contract
 * (/tmp/hp/contract-13.md). STATS (B) owns src/protocol/dashboard.ts and ACCESS (A) and FLEET (D)
 * own the other answers; when the lead has merged them, replace this file's view, filter and
 * series types by imports from src/protocol/dashboard.ts and delete the copies here.
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
  municipality: { code: string; name: string };
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
  key: string;
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
export interface ViewResponse {
  view: ViewId;
  rules: string[];
  series: Series[];
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
  revoked?: boolean;
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
export interface SettingsVersion {
  version: number;
  publishedBy: string | null;
  publishedAt: string;
  devices: string[];
}
export interface HelpPointSettings {
  current: {
    version: number;
    config: Record<string, unknown>;
    localCatalogue: unknown;
    localLessons: unknown;
  };
  versions: SettingsVersion[];
}

export type Language = Extract<LanguageCode, 'sv' | 'en'>;
