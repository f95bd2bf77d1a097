/**
 * The tables behind each export: a view's series, Digidel's per-question rows, KB's yearly
 * figures and the agency report (docs/exports.md documents every column).
 */
import type {
  AgencyFeedbackReport,
  DigidelRow,
  KbYearSummary,
  ViewResponse,
} from '../../../../src/protocol/dashboard';
import type { Table } from './export-format';
import type { QuestionRecordRow, StatisticsStore, StatsScope } from './statistics-store';
import { suppressAgencyCells } from './suppression';

export function viewTable(response: ViewResponse): Table {
  return {
    columns: ['series', 'from', 'to', 'helpPoints', 'metric', 'code', 'weekday', 'hour', 'value'],
    rows: response.series.flatMap((series) =>
      series.rows.map((row) => [
        series.label,
        series.from,
        series.to,
        series.helpPointIds.join(' '),
        row.dims.metric ?? '',
        row.dims.code ?? '',
        row.dims.weekday ?? '',
        row.dims.hour ?? '',
        row.value,
      ]),
    ),
  };
}

export const DIGIDEL_COLUMNS: (keyof DigidelRow)[] = [
  'datum',
  'tid',
  'hjalppunkt',
  'antal',
  'kanal',
  'amnen',
  'omrade',
  'myndighet',
  'arende',
  'tidsatgang',
  'anstrangning',
  'hinder',
  'utfall',
  'hanvisad_till',
  'sprak',
];

export function digidelRow(record: QuestionRecordRow): DigidelRow {
  const q = record.data;
  return {
    datum: record.day,
    tid: record.time,
    hjalppunkt: record.helpPointId,
    antal: q.count,
    kanal: q.channel,
    amnen: q.helpedWith.join('|'),
    omrade: q.area ?? '',
    myndighet: q.agency ?? '',
    arende: q.errandId ?? '',
    tidsatgang: q.timeSpent,
    anstrangning: q.effort === null ? '' : String(q.effort),
    hinder: q.obstacles.join('|'),
    utfall: q.outcome,
    hanvisad_till: q.referredTo ?? '',
    sprak: q.language,
  };
}

export function digidelTable(rows: DigidelRow[]): Table {
  return { columns: DIGIDEL_COLUMNS, rows: rows.map((row) => DIGIDEL_COLUMNS.map((c) => row[c])) };
}

export async function kbYearSummary(
  statistics: StatisticsStore,
  helpPointIds: string[],
  year: number,
): Promise<KbYearSummary> {
  const scope: StatsScope = { helpPointIds, fromDay: `${year}-01-01`, toDay: `${year}-12-31` };
  const courses = await statistics.view('courses', scope);
  const questions = await statistics.view('questions', scope);
  const value = (rows: typeof courses.rows, key: string) =>
    rows.find((row) => row.key === key)?.value ?? 0;
  const hours = (role: string) =>
    Math.round((value(courses.rows, `minutes:${role}`) / 60) * 10) / 10;
  return {
    year,
    helpPointIds,
    courseSessions: value(courses.rows, 'sessions:'),
    courseParticipants: value(courses.rows, 'participants:'),
    dropInVisitorsHelped:
      value(questions.rows, 'channel:drop-in') + value(questions.rows, 'channel:booked'),
    visitorsHelped: questions.total,
    courseHoursStaff: hours('staff'),
    courseHoursVolunteer: hours('volunteer'),
  };
}

export function kbTable(summary: KbYearSummary): Table {
  const fields: (keyof KbYearSummary)[] = [
    'courseSessions',
    'courseParticipants',
    'dropInVisitorsHelped',
    'visitorsHelped',
    'courseHoursStaff',
    'courseHoursVolunteer',
  ];
  return {
    columns: ['year', 'field', 'value'],
    rows: fields.map((field) => [summary.year, field, summary[field] as number]),
  };
}

export async function agencyReport(
  statistics: StatisticsStore,
  scope: StatsScope,
  agency: string,
  errand: string | null,
): Promise<AgencyFeedbackReport> {
  const counts = await statistics.agencyCounts(scope, agency, errand);
  return {
    agency,
    errand,
    from: scope.fromDay,
    to: scope.toDay,
    rows: suppressAgencyCells(counts, { errandGroup: errand === null }),
    rules: [
      'stockholm-day',
      'corrections-apply',
      'batch-counts-visitors',
      'small-cells-suppressed',
    ],
  };
}

export function agencyTable(report: AgencyFeedbackReport): Table {
  return {
    columns: ['agency', 'errand', 'from', 'to', 'section', 'code', 'value'],
    rows: report.rows.map((row) => [
      report.agency,
      report.errand ?? '',
      report.from,
      report.to,
      row.section,
      row.code,
      row.value,
    ]),
  };
}
