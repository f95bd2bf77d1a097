/** Splits queued events into batches the collector accepts: ≤ 500 events and ≤ 256 KiB of JSON. */
import type { LogEvent } from '../protocol/events';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS } from '../protocol/sync-api';

const encoder = new TextEncoder();
/** `{"events":[` + `]}` around the comma-separated events. */
const ENVELOPE_BYTES = '{"events":[]}'.length;

export function makeBatches(
  events: readonly LogEvent[],
  maxEvents = MAX_BATCH_EVENTS,
  maxBytes = MAX_BATCH_BYTES,
): LogEvent[][] {
  const batches: LogEvent[][] = [];
  let current: LogEvent[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const event of events) {
    const size = encoder.encode(JSON.stringify(event)).length + 1;
    if (current.length > 0 && (current.length >= maxEvents || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    // A single event larger than the limit still goes alone; the collector's 413 decides.
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
