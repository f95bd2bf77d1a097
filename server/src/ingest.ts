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

export function planBatch(events: readonly unknown[], helpPointId: string): BatchPlan {
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
    if (seen.has(event.id)) return { index, id: event.id, status: 'duplicate' };
    seen.add(event.id);
    toInsert.push(event);
    return { index, id: event.id, status: 'accepted' };
  });
  return { toInsert, results };
}

/** Provisionally accepted events the insert skipped were already stored: duplicates. */
export function completeResults(plan: BatchPlan, inserted: Set<string>): EventResult[] {
  return plan.results.map((result) =>
    result.status === 'accepted' && !inserted.has(result.id ?? '')
      ? { ...result, status: 'duplicate' }
      : result,
  );
}
