/**
 * The reference model for the statistics tests: counts the generated data set by hand, one
 * event at a time in the order it was delivered, in plain TypeScript (no SQL). The views
 * must give the same numbers.
 */
import type { LogEvent } from '../../src/protocol/events';
import { stockholmDay } from '../../server/src/dashboard/statistics/days';
import type { DataSet } from './statistics-data';

export interface Contribution {
  view: string;
  helpPointId: string;
  day: string;
  metric: string;
  code: string;
  channel: string;
  language: string;
  n: number;
}

const local = (iso: string) => new Date(iso.length === 17 ? iso.replace('Z', ':00Z') : iso);

/** Weekday (1 = Monday) and hour in Stockholm. */
function weekdayHour(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(
    parts.find((p) => p.type === 'weekday')?.value ?? '',
  );
  return `${weekday + 1}-${parts.find((p) => p.type === 'hour')?.value}`;
}

/** Every count the data set should produce, worked out event by event. */
export function referenceContributions(set: DataSet): Contribution[] {
  const out: Contribution[] = [];
  const seen = new Set<string>();
  // recordId@hp → { owner, latest event, withdrawn }
  const records = new Map<string, { owner: string; latest: LogEvent | null; withdrawn: boolean }>();
  for (const delivery of set.deliveries) {
    for (const event of delivery.events) {
      if (seen.has(event.id)) continue; // a replay stores nothing
      seen.add(event.id);
      const hp = event.helpPointId;
      const add = (
        view: string,
        at: Date,
        metric: string,
        code: string,
        channel: string,
        language: string,
        n = 1,
      ) =>
        out.push({
          view,
          helpPointId: hp,
          day: stockholmDay(at),
          metric,
          code,
          channel,
          language,
          n,
        });
      if (event.type === 'question' || event.type === 'question-withdrawn') {
        const key = `${event.data.recordId}@${hp}`;
        const record = records.get(key);
        if (event.type === 'question-withdrawn') {
          if (!record) records.set(key, { owner: event.deviceId, latest: null, withdrawn: true });
          else if (record.owner === event.deviceId) record.withdrawn = true;
          continue;
        }
        if (!record) {
          records.set(key, { owner: event.deviceId, latest: event, withdrawn: false });
        } else if (record.latest === null) {
          if (record.owner !== event.deviceId) {
            record.owner = event.deviceId;
            record.withdrawn = false;
          }
          record.latest = event;
        } else if (record.owner === event.deviceId) {
          const newer =
            event.occurredAt > record.latest.occurredAt ||
            (event.occurredAt === record.latest.occurredAt && event.id > record.latest.id);
          if (newer) record.latest = event;
        }
        continue;
      }
      const at = new Date(event.occurredAt);
      switch (event.type) {
        case 'visit': {
          const d = event.data;
          const start = local(d.startedAt);
          add('visits', start, 'visits', '', 'kiosk', d.language);
          for (const door of d.doors) add('visits', start, 'door', door, 'kiosk', d.language);
          add('visits', start, 'ending', d.ending, 'kiosk', d.language);
          add('visits', start, 'end-feedback', d.feedback ?? 'none', 'kiosk', d.language);
          add('busy-hours', start, 'visits', weekdayHour(start), 'kiosk', d.language);
          break;
        }
        case 'feedback':
          add(
            'visits',
            at,
            'feedback',
            `${event.data.context}:${event.data.answer}`,
            'kiosk',
            event.data.language,
          );
          break;
        case 'errand-viewed': {
          const d = event.data;
          add('errands', at, 'viewed', '', 'kiosk', d.language);
          add('errands', at, 'errand', d.errandId, 'kiosk', d.language);
          add('errands', at, 'found-by', d.foundBy, 'kiosk', d.language);
          add('errands', at, 'choice', d.choice, 'kiosk', d.language);
          break;
        }
        case 'lesson':
          add('learning', at, 'lessons-started', '', 'kiosk', event.data.language);
          add('learning', at, 'lesson-started', event.data.lessonId, 'kiosk', event.data.language);
          if (event.data.completed) {
            add('learning', at, 'lessons-completed', '', 'kiosk', event.data.language);
            add(
              'learning',
              at,
              'lesson-completed',
              event.data.lessonId,
              'kiosk',
              event.data.language,
            );
          }
          break;
        case 'tech-tried':
          add('learning', at, 'testa-tried', '', 'kiosk', event.data.language);
          add('learning', at, 'testa-item', event.data.itemId, 'kiosk', event.data.language);
          break;
        case 'course-session': {
          const d = event.data;
          const held = local(d.heldAt);
          add('courses', held, 'sessions', '', 'course', '');
          add('courses', held, 'participants', '', 'course', '', d.attendees);
          add('courses', held, 'new-participants', '', 'course', '', d.newAttendees);
          add('courses', held, 'minutes', d.role, 'course', '', d.durationMinutes ?? 0);
          add('courses', held, 'topic', d.topic, 'course', '');
          break;
        }
        default:
          break; // heartbeat: never a count
      }
    }
  }
  for (const [key, record] of records) {
    if (record.withdrawn || record.latest === null || record.latest.type !== 'question') continue;
    const q = record.latest.data;
    const hp = key.split('@')[1] as string;
    const at = local(q.helpedAt);
    const add = (view: string, metric: string, code: string, n = q.count) =>
      out.push({
        view,
        helpPointId: hp,
        day: stockholmDay(at),
        metric,
        code,
        channel: q.channel,
        language: q.language,
        n,
      });
    add('questions', 'visitors', '');
    add('questions', 'records', '', 1);
    for (const topic of q.helpedWith) add('questions', 'topic', topic);
    for (const obstacle of q.obstacles) add('questions', 'obstacle', obstacle);
    add('questions', 'area', q.area ?? 'none');
    add('questions', 'agency', q.agency ?? 'none');
    if (q.errandId !== null) add('questions', 'errand', q.errandId);
    add('questions', 'outcome', q.outcome);
    add('questions', 'time-spent', q.timeSpent);
    add('questions', 'effort', q.effort === null ? 'none' : String(q.effort));
    add('questions', 'referred-to', q.referredTo ?? 'none');
    add('questions', 'language', q.language);
    add('questions', 'channel', q.channel);
    add('busy-hours', 'questions', weekdayHour(at));
    add('postcodes', 'postcode', q.postcodeArea ?? 'not-given');
    if (q.agency !== null) {
      for (const scope of q.errandId === null ? ['*'] : ['*', q.errandId]) {
        add('agency', 'total', `${q.agency}|${scope}`);
        for (const o of q.obstacles) add('agency', 'obstacle', `${q.agency}|${scope}|${o}`);
        add('agency', 'outcome', `${q.agency}|${scope}|${q.outcome}`);
      }
      if (q.errandId !== null) add('agency', 'errand', `${q.agency}|*|${q.errandId}`);
    }
  }
  return out;
}

/** The reference's rows for one view and scope, as "metric:code" → value (zeros left out). */
export function expectedRows(
  all: Contribution[],
  view: string,
  scope: {
    helpPointIds: string[];
    fromDay: string;
    toDay: string;
    channel?: string;
    language?: string;
  },
): Map<string, number> {
  const rows = new Map<string, number>();
  for (const c of all) {
    if (c.view !== view || !scope.helpPointIds.includes(c.helpPointId)) continue;
    if (c.day < scope.fromDay || c.day > scope.toDay) continue;
    if (scope.channel !== undefined && c.channel !== scope.channel) continue;
    if (scope.language !== undefined && c.language !== scope.language) continue;
    const key = `${c.metric}:${c.code}`;
    rows.set(key, (rows.get(key) ?? 0) + c.n);
  }
  for (const [key, value] of rows) if (value === 0) rows.delete(key);
  return rows;
}
