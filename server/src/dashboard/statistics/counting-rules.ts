/**
 * The counting rules, defined once. Migration 008 applies them as events arrive (which day,
 * which version of a record, what a batch counts); this module says which rules each view
 * follows, which filters it can apply, what its headline total is, and the rule texts
 * (the dashboard shows them from its locales as `rules.<id>`; these are the source texts).
 */
import type { FilterName, RuleId, ViewId, ViewRow } from '../../../../src/protocol/dashboard';

/** Cells below this are shown as "<3" in anything that leaves the municipality. */
export const SMALL_CELL_LIMIT = 3;

export const RULE_TEXTS: Readonly<Record<RuleId, { sv: string; en: string }>> = {
  'stockholm-day': {
    sv: 'En dag är ett kalenderdygn i svensk tid (Europe/Stockholm), även dagarna då sommartid börjar och slutar.',
    en: 'A day is a calendar day in Swedish time (Europe/Stockholm), including the days daylight saving time starts and ends.',
  },
  'corrections-apply': {
    sv: 'Rättelser räknas: bara den senaste versionen av en registrering räknas, och en återtagen registrering räknas inte alls.',
    en: 'Corrections apply: only the latest version of a record counts, and a withdrawn record does not count at all.',
  },
  'questions-not-visitors': {
    sv: 'Frågor är inte besökare: en besökare som fick hjälp med flera ämnen räknas en gång som besökare och en gång per ämne.',
    en: 'Questions are not visitors: a visitor helped with several topics counts once as a visitor and once per topic.',
  },
  'batch-counts-visitors': {
    sv: 'En samlad registrering ("6 utskriftsfrågor i förmiddags") räknas som sitt antal besökare.',
    en: 'A batch record ("6 printing questions this morning") counts as its number of visitors.',
  },
  'participant-once-per-session': {
    sv: 'En kursdeltagare räknas en gång per kurstillfälle.',
    en: 'A course participant is counted once per session.',
  },
  'kiosk-events-once': {
    sv: 'Varje besök, ärende, lektion och Testa-försök på kiosken räknas en gång, hur många gånger det än skickats.',
    en: 'Each kiosk visit, errand, lesson and Testa try counts once, however often it was sent.',
  },
  'help-request-answer-time': {
    sv: 'Svarstiden är tiden från att kiosken bad om hjälp till att personalen tog emot eller avslutade förfrågan; en förfrågan som ingen svarade på räknas som utgången.',
    en: 'Answer time runs from the kiosk asking for help until staff accepted or closed the request; a request nobody answered counts as expired.',
  },
  'postcode-where-collected': {
    sv: 'Postnummerområde (tre siffror) finns bara där hjälppunkten frågar efter det; övriga räknas som "ej angivet".',
    en: 'Postcode areas (three digits) exist only where the help point asks for them; the rest count as "not given".',
  },
  'small-cells-suppressed': {
    sv: 'Tal under 3 visas som "<3", och så att de inte kan räknas fram ur summor.',
    en: 'Numbers under 3 are shown as "<3", and so that they cannot be worked out from totals.',
  },
};

export const VIEW_RULES: Readonly<Record<ViewId, RuleId[]>> = {
  visits: ['stockholm-day', 'kiosk-events-once'],
  questions: [
    'stockholm-day',
    'corrections-apply',
    'questions-not-visitors',
    'batch-counts-visitors',
  ],
  'busy-hours': [
    'stockholm-day',
    'corrections-apply',
    'questions-not-visitors',
    'batch-counts-visitors',
    'kiosk-events-once',
  ],
  errands: ['stockholm-day', 'kiosk-events-once'],
  learning: ['stockholm-day', 'kiosk-events-once'],
  courses: ['stockholm-day', 'participant-once-per-session'],
  'help-requests': ['stockholm-day', 'help-request-answer-time'],
  postcodes: [
    'stockholm-day',
    'corrections-apply',
    'batch-counts-visitors',
    'postcode-where-collected',
  ],
};

/** The filters each view can apply; any other given filter is reported as ignored. */
export const VIEW_FILTERS: Readonly<Record<ViewId, FilterName[]>> = {
  visits: ['channel', 'language'],
  questions: ['channel', 'language'],
  'busy-hours': ['channel', 'language'],
  errands: ['channel', 'language'],
  learning: ['channel', 'language'],
  // A session has several languages; it is counted once, so it cannot be split by language.
  courses: ['channel'],
  'help-requests': ['channel', 'language'],
  postcodes: ['channel', 'language'],
};

/** The metric whose sum is a view's headline total (VIEW_TOTALS in the protocol names it). */
const TOTAL_METRIC: Readonly<Record<ViewId, string>> = {
  visits: 'visits',
  questions: 'visitors',
  'busy-hours': 'questions',
  errands: 'viewed',
  learning: 'lessons-started',
  courses: 'participants',
  'help-requests': 'requests',
  postcodes: 'postcode',
};

export function rowFor(view: ViewId, sum: { metric: string; code: string; n: number }): ViewRow {
  const dims: Record<string, string> = { metric: sum.metric, code: sum.code };
  if (view === 'busy-hours') {
    const [weekday = '', hour = ''] = sum.code.split('-');
    dims.weekday = weekday;
    dims.hour = hour;
  }
  return { key: `${sum.metric}:${sum.code}`, dims, value: sum.n };
}

export function viewTotal(view: ViewId, rows: readonly ViewRow[]): number {
  const metric = TOTAL_METRIC[view];
  return (
    rows
      .filter((row) => row.dims.metric === metric)
      // Postcodes: only visitors who gave one.
      .filter((row) => !(view === 'postcodes' && row.dims.code === 'not-given'))
      .reduce((sum, row) => sum + row.value, 0)
  );
}
