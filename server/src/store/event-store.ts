/**
 * The anonymous events devices deliver, and what is read from them: the admin report and a
 * help point's tally. Both count question records through the latest_questions view
 * (migration 003), so a correction or a withdrawal counts the same in each.
 */
import type { LogEvent } from '../../../src/protocol/events';
import type { HelpPointTally } from '../../../src/protocol/help-requests';

export interface EventFilter {
  helpPointId?: string;
  type?: string;
}

export interface HelpPointReport {
  helpPointId: string;
  name: string;
  devices: number;
  /** Events received, per type (every event, as delivered). */
  eventsByType: Record<string, number>;
  /** Questions helped with, weighted by data.count: the latest event of each record only. */
  questions: number;
  questionsByTopic: Record<string, number>;
}

export interface EventStore {
  /**
   * Inserts the events in one multi-row statement, skipping ids already stored.
   * Returns the ids that were new.
   */
  insert(events: LogEvent[], receivedAt: Date, fromDeviceId: string): Promise<Set<string>>;
  /**
   * Which devices made the question records with these ids at this help point (from their
   * `question` events): the collector lets only that device correct or withdraw a record.
   */
  recordOwners(helpPointId: string, recordIds: readonly string[]): Promise<Map<string, string>>;
  count(filter?: EventFilter): Promise<number>;
  listIds(): Promise<string[]>;
  report(): Promise<HelpPointReport[]>;
  /** Questions with helpedAt in [from, to), counted like report(); hours at the UTC offset. */
  tally(
    helpPointId: string,
    from: Date,
    to: Date,
    utcOffsetMinutes: number,
  ): Promise<HelpPointTally>;
}
