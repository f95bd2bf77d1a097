/**
 * The dashboard API's types. The statistics and fleet shapes come from the shared protocol
 * (src/protocol/dashboard.ts, src/protocol/fleet.ts), as the collector answers them; the
 * account, /me, filter and enrollment shapes the protocol does not hold are declared here.
 */
import {
  EXPORT_FORMATS,
  RULE_IDS,
  VIEW_IDS,
  type AgencyFeedbackReport,
  type AgencyFeedbackRow,
  type CompareMode,
  type ExportFormat,
  type RuleId,
  type ViewId,
  type ViewResponse,
  type ViewRow,
  type ViewSeries,
} from '../protocol/dashboard';
import {
  DEVICE_WARNINGS,
  type DeviceWarning,
  type FleetDeviceView,
  type HelpPointSettingsView,
  type SettingsVersionView,
} from '../protocol/fleet';
import type { Agency, LanguageCode } from '../protocol/vocabulary';

export { EXPORT_FORMATS, RULE_IDS, VIEW_IDS, DEVICE_WARNINGS };
export type {
  AgencyFeedbackReport,
  AgencyFeedbackRow,
  DeviceWarning,
  ExportFormat,
  RuleId,
  ViewId,
  ViewResponse,
};
export type SeriesRow = ViewRow;
export type Series = ViewSeries;
export type Compare = CompareMode;
export type DeviceInfo = FleetDeviceView;
export type SettingsVersion = SettingsVersionView;
export type HelpPointSettings = HelpPointSettingsView;

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

export type Language = Extract<LanguageCode, 'sv' | 'en'>;
