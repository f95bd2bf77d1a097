/**
 * This device's question records, rebuilt from its own logs: the latest version of each
 * record counts, a withdrawn record counts for nothing, and a record is "sent" once none of
 * its versions wait in the outbox. The tally sums today's records, weighted by their count
 * (a batch entry of six printing questions counts six), per topic and per local hour.
 */
import type { LogEvent } from '../../../protocol/events';
import type { HelpTopic } from '../../../protocol/vocabulary';
import type { QuestionData } from './tag-record';

export interface QuestionRecord {
  recordId: string;
  data: QuestionData;
  /** The id of the latest version's event. */
  eventId: string;
  /** True once the collector has every version (nothing waits in the outbox). */
  sent: boolean;
  /** When the latest version was written (device clock). */
  writtenAt: number;
}

export function questionRecords(
  events: readonly LogEvent[],
  queued: ReadonlySet<string>,
): QuestionRecord[] {
  const withdrawn = new Set<string>();
  const latest = new Map<string, QuestionRecord>();
  const waiting = new Set<string>();
  for (const event of events) {
    if (event.type === 'question-withdrawn') withdrawn.add(event.data.recordId);
    if (event.type !== 'question') continue;
    const { recordId } = event.data;
    if (queued.has(event.id)) waiting.add(recordId);
    const known = latest.get(recordId);
    const writtenAt = Date.parse(event.occurredAt);
    // The collector's rule too: the newest occurredAt wins, then the larger (later) UUIDv7.
    if (
      !known ||
      writtenAt > known.writtenAt ||
      (writtenAt === known.writtenAt && event.id > known.eventId)
    ) {
      latest.set(recordId, {
        recordId,
        data: event.data,
        eventId: event.id,
        sent: true,
        writtenAt,
      });
    }
  }
  return [...latest.values()]
    .filter((record) => !withdrawn.has(record.recordId))
    .map((record) => ({ ...record, sent: !waiting.has(record.recordId) }))
    .sort(
      (a, b) =>
        Date.parse(b.data.helpedAt) - Date.parse(a.data.helpedAt) || b.writtenAt - a.writtenAt,
    );
}

/** Local midnight to midnight around `now`. */
export function dayBounds(now: number): { start: number; end: number } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { start: start.getTime(), end: end.getTime() };
}

export function isToday(record: QuestionRecord, now: number): boolean {
  const { start, end } = dayBounds(now);
  const helpedAt = Date.parse(record.data.helpedAt);
  return helpedAt >= start && helpedAt < end;
}

export interface Tally {
  /** Visitors helped (sum of counts). */
  visitors: number;
  /** Per topic; a record with two topics counts under both. */
  byTopic: Partial<Record<HelpTopic, number>>;
  /** Per local hour 0–23. */
  byHour: Map<number, number>;
}

export function tally(records: readonly QuestionRecord[]): Tally {
  const result: Tally = { visitors: 0, byTopic: {}, byHour: new Map() };
  for (const { data } of records) {
    result.visitors += data.count;
    for (const topic of data.helpedWith)
      result.byTopic[topic] = (result.byTopic[topic] ?? 0) + data.count;
    const hour = new Date(Date.parse(data.helpedAt)).getHours();
    result.byHour.set(hour, (result.byHour.get(hour) ?? 0) + data.count);
  }
  return result;
}
