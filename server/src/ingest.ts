/**
 * Decides each submitted event's fate before anything touches the database: validated one
 * by one against the shared schema, so one bad event does not sink the batch. Reasons name
 * the failing field and rule but never echo submitted values (they could hold personal data).
 */
import { logEventSchema, SCHEMA_VERSION, type LogEvent } from '../../src/protocol/events';
import { REJECTION_REASONS, type EventResult } from '../../src/protocol/sync-api';
import { describeIssue, isRecord } from './untrusted-input';

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

export function planBatch(events: readonly unknown[], device: DeliveringDevice): BatchPlan {
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
    if (seen.has(event.id)) return { index, id: event.id, status: 'duplicate' };
    seen.add(event.id);
    toInsert.push(event);
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
    results: plan.results.map((result) =>
      result.status === 'accepted' && refused.has(result.id ?? '')
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
