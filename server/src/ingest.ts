/**
 * Decides each submitted event's fate before anything touches the database: validated one
 * by one against the shared schema, so one bad event does not sink the batch. Reasons name
 * the failing field and rule but never echo submitted values (they could hold personal data).
 * An event is stored only when its times are real and in the window the collector can store
 * and query, and every content id in it is one the collector knows.
 */
import {
  eventTimes,
  logEventSchema,
  SCHEMA_VERSION,
  type LogEvent,
} from '../../src/protocol/events';
import { REJECTION_REASONS, type EventResult } from '../../src/protocol/sync-api';
import {
  INSTANT_TIME_RULE,
  MINUTE_TIME_RULE,
  TIME_WINDOW_AHEAD_MS,
  inTimeWindow,
  normalisedInstant,
  parseTime,
} from '../../src/protocol/times';
import { codesOf, type CodeCheck } from './known-codes';
import { describeIssue, isRecord } from './untrusted-input';

const TIME_RULES = new Set([INSTANT_TIME_RULE, MINUTE_TIME_RULE]);
const AHEAD_HOURS = TIME_WINDOW_AHEAD_MS / 3_600_000;

/** The first reason a schema-valid event cannot be stored, or null. */
function storageProblem(event: LogEvent, receivedAtMs: number, isKnown: CodeCheck): string | null {
  for (const { path, text } of eventTimes(event)) {
    const parsed = parseTime(text, { precision: path === 'occurredAt' ? 'instant' : 'minute' });
    // The schema has checked every time already; this is the same parser, for the window.
    if (!parsed.ok) return `${REJECTION_REASONS.malformedTime}: ${path}: ${parsed.problem}`;
    if (!inTimeWindow(parsed.epochMs, receivedAtMs)) {
      return (
        `${REJECTION_REASONS.clockOutOfRange}: ${path}: must lie between 2000-01-01 and ` +
        `${AHEAD_HOURS} hours after the collector received it; check the device's clock`
      );
    }
  }
  for (const { path, kind, id } of codesOf(event)) {
    if (!isKnown(kind, id)) {
      return `${REJECTION_REASONS.unknownCode}: ${path}: not a known ${kind} code`;
    }
  }
  return null;
}

/** The event as it is stored: occurredAt in its one canonical form (UTC, milliseconds). */
function normalised(event: LogEvent): LogEvent {
  return { ...event, occurredAt: normalisedInstant(event.occurredAt) };
}

export interface BatchPlan {
  /** Valid, first-in-batch events to insert. */
  toInsert: LogEvent[];
  /** One result per submitted event; those of toInsert say 'accepted' until the insert decides. */
  results: EventResult[];
}

/** The device that delivers the batch, from its token. */
export interface DeliveringDevice {
  id: string;
  helpPointId: string;
}

export function planBatch(
  events: readonly unknown[],
  device: DeliveringDevice,
  receivedAt: Date,
  isKnown: CodeCheck,
): BatchPlan {
  const { helpPointId } = device;
  const toInsert: LogEvent[] = [];
  const seen = new Set<string>();
  const results = events.map((raw, index): EventResult => {
    // Echo only something that looks like an event id, never an arbitrary (huge) string.
    const id =
      isRecord(raw) && typeof raw.id === 'string' && /^[0-9a-f-]{36}$/i.test(raw.id)
        ? raw.id
        : null;
    const reject = (reason: string): EventResult => ({ index, id, status: 'rejected', reason });

    const version = isRecord(raw) ? raw.schemaVersion : undefined;
    if (typeof version === 'number' && version !== SCHEMA_VERSION) {
      return reject(
        `${REJECTION_REASONS.unsupportedSchema}: this collector accepts schemaVersion ${SCHEMA_VERSION}`,
      );
    }
    const parsed = logEventSchema.safeParse(raw);
    if (!parsed.success) {
      // A bad time has its own reason, so staff see "the clock" rather than "a bug".
      const timeIssue = parsed.error.issues.find((issue) => TIME_RULES.has(issue.message));
      if (timeIssue)
        return reject(`${REJECTION_REASONS.malformedTime}: ${describeIssue(timeIssue)}`);
      const [first] = parsed.error.issues;
      return reject(`${REJECTION_REASONS.invalid}: ${first ? describeIssue(first) : 'invalid'}`);
    }
    const event = parsed.data;
    if (event.helpPointId !== helpPointId) {
      return reject(
        `${REJECTION_REASONS.helpPointMismatch}: the device is enrolled at another help point`,
      );
    }
    // A token speaks for one device: events made elsewhere (another kiosk, a staff tablet, a
    // revoked or unknown device) are not its to deliver. The device binds what it queued
    // before enrollment to its enrolled id, so its own events always carry that id.
    if (event.deviceId !== device.id) {
      return reject(
        `${REJECTION_REASONS.foreignDevice}: the event's deviceId is not the delivering device's`,
      );
    }
    const problem = storageProblem(event, receivedAt.getTime(), isKnown);
    if (problem) return reject(problem);
    if (seen.has(event.id)) return { index, id: event.id, status: 'duplicate' };
    seen.add(event.id);
    toInsert.push(normalised(event));
    return { index, id: event.id, status: 'accepted' };
  });
  return { toInsert, results };
}

/** The records a batch's corrections and withdrawals refer to (for EventStore.recordOwners). */
export function correctedRecordIds(plan: BatchPlan): string[] {
  const ids = new Set<string>();
  for (const event of plan.toInsert) {
    if (event.type === 'question' || event.type === 'question-withdrawn') {
      ids.add(event.data.recordId);
    }
  }
  return [...ids];
}

/**
 * A correction (a later `question` version) or a `question-withdrawn` applies only to a
 * record this device made at this help point. owners: recordId → the device that made it
 * (stored `question` events). A new record is this device's; a withdrawal needs a record,
 * stored or earlier in the batch, that is this device's.
 */
export function enforceRecordOwnership(
  plan: BatchPlan,
  owners: ReadonlyMap<string, string>,
  deviceId: string,
): BatchPlan {
  const mine = new Set<string>();
  const refused = new Set<string>();
  for (const event of plan.toInsert) {
    if (event.type !== 'question' && event.type !== 'question-withdrawn') continue;
    const recordId = event.data.recordId;
    const owner = owners.get(recordId);
    const ownRecord = owner === undefined ? mine.has(recordId) : owner === deviceId;
    if (event.type === 'question' && (owner === undefined || owner === deviceId)) {
      mine.add(recordId);
    } else if (!ownRecord) {
      refused.add(event.id);
    }
  }
  if (refused.size === 0) return plan;
  return {
    toInsert: plan.toInsert.filter((event) => !refused.has(event.id)),
    // A copy later in the same batch gets the same answer as the first, not "duplicate".
    results: plan.results.map((result) =>
      result.status !== 'rejected' && refused.has(result.id ?? '')
        ? {
            index: result.index,
            id: result.id,
            status: 'rejected',
            reason: `${REJECTION_REASONS.notOwnRecord}: only the device that made this record at this help point may correct or withdraw it`,
          }
        : result,
    ),
  };
}

/** Provisionally accepted events the insert skipped were already stored: duplicates. */
export function completeResults(plan: BatchPlan, inserted: Set<string>): EventResult[] {
  return plan.results.map((result) =>
    result.status === 'accepted' && !inserted.has(result.id ?? '')
      ? { ...result, status: 'duplicate' }
      : result,
  );
}
