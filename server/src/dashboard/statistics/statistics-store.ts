/**
 * What the dashboard reads, and only from the rollups of migration 008 (never a scan of
 * `events`): one StatisticsStore per collector store, the same SQL on PGlite and PostgreSQL.
 * BENCH times these functions directly.
 */
import type { ViewId, ViewRow } from '../../../../src/protocol/dashboard';

/** Which rollup rows a query reads. Days are Europe/Stockholm calendar days, both inclusive. */
export interface StatsScope {
  helpPointIds: readonly string[];
  fromDay: string;
  toDay: string;
  channel?: string;
  language?: string;
}

export interface ViewData {
  total: number;
  rows: ViewRow[];
}

/** One question record as it stands (latest version, not withdrawn), for the Digidel export. */
export interface QuestionRecordRow {
  helpPointId: string;
  /** Stockholm day and minute the help was given. */
  day: string;
  time: string;
  data: {
    helpedWith: string[];
    area: string | null;
    agency: string | null;
    errandId: string | null;
    timeSpent: string;
    effort: number | null;
    obstacles: string[];
    outcome: string;
    referredTo: string | null;
    language: string;
    channel: string;
    count: number;
  };
}

/** Raw agency cells before suppression: metric → code → count. */
export interface AgencyCounts {
  total: number;
  obstacle: Record<string, number>;
  outcome: Record<string, number>;
  errand: Record<string, number>;
  /** YYYY-MM → visitors helped. */
  month: Record<string, number>;
}

export interface StatisticsStore {
  /** One view's rows and headline total over the scope. */
  view(view: ViewId, scope: StatsScope): Promise<ViewData>;
  /** The scope's question records, oldest first (Digidel). */
  questionRecords(scope: StatsScope): Promise<QuestionRecordRow[]>;
  /** Counts for the agency report (errand null: every errand of the agency). */
  agencyCounts(scope: StatsScope, agency: string, errand: string | null): Promise<AgencyCounts>;
  /** Every help point id with its name (for labels). */
  helpPointNames(ids: readonly string[]): Promise<Map<string, string>>;
}
