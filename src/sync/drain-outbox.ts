/**
 * One drain of the outbox: send the oldest events in batches until the queue is empty or the
 * collector says stop. Entries leave the outbox only on a per-event "accepted"/"duplicate"
 * (acknowledged) or "rejected" (moved to the dead letters with the reason). Everything else
 * (network errors, 5xx, 429, unreadable replies, a crash half-way) leaves them queued, and the
 * collector's dedup on the event id makes the inevitable re-send harmless.
 */
import type { LogEvent } from '../protocol/events';
import { MAX_BATCH_EVENTS } from '../protocol/sync-api';
import type { OutboxStore, SyncStatus } from '../db/outbox-store';
import { makeBatches } from './batching';
import { retryDelay } from './backoff';
import { classifyReply, type BatchDecision } from './classify-response';
import type { Transport } from './transport';

export type DrainOutcome =
  | { kind: 'not-enrolled' }
  | { kind: 'needs-enrollment'; reason: string }
  | { kind: 'done'; acknowledged: number; deadLettered: number }
  | { kind: 'retry'; delayMs: number; reason: string; acknowledged: number };

export interface DrainDeps {
  store: OutboxStore;
  /** Built from the stored enrollment (collector URL and token). */
  transportFor: (collectorUrl: string, token: string) => Transport;
  now?: () => number;
  random?: () => number;
  /** Called after each batch, for the staff's "sync now" progress. */
  onProgress?: (progress: { acknowledged: number; remaining: number }) => void;
}

type BatchOutcome =
  | { kind: 'ok'; acknowledged: number; deadLettered: number }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  | { kind: 'reauth'; reason: string };

export async function drainOutbox(deps: DrainDeps): Promise<DrainOutcome> {
  const { store, now = Date.now, random = Math.random } = deps;
  const enrollment = await store.readEnrollment();
  if (!enrollment) return { kind: 'not-enrolled' };
  const send = deps.transportFor(enrollment.collectorUrl, enrollment.token);
  await store.updateSyncStatus({ lastAttemptAt: now() });

  let acknowledged = 0;
  let deadLettered = 0;
  for (;;) {
    const pending = await store.peek(MAX_BATCH_EVENTS);
    if (pending.length === 0) break;
    for (const batch of makeBatches(pending)) {
      const outcome = await sendBatch(batch, send, store, now);
      if (outcome.kind === 'reauth') {
        await store.updateSyncStatus({
          needsEnrollment: true,
          lastError: { at: now(), message: outcome.reason },
        });
        return { kind: 'needs-enrollment', reason: outcome.reason };
      }
      if (outcome.kind === 'retry') {
        const status = await store.readSyncStatus();
        const attempt = status.consecutiveFailures + 1;
        const delayMs = retryDelay(attempt, outcome.retryAfterMs, random);
        await store.updateSyncStatus({
          consecutiveFailures: attempt,
          nextAttemptAt: now() + delayMs,
          lastError: { at: now(), message: outcome.reason },
        });
        return { kind: 'retry', delayMs, reason: outcome.reason, acknowledged };
      }
      acknowledged += outcome.acknowledged;
      deadLettered += outcome.deadLettered;
      deps.onProgress?.({ acknowledged, remaining: await store.count() });
    }
  }
  const success: Partial<SyncStatus> = {
    lastSuccessAt: now(),
    consecutiveFailures: 0,
    nextAttemptAt: null,
    needsEnrollment: false,
  };
  await store.updateSyncStatus(success);
  return { kind: 'done', acknowledged, deadLettered };
}

async function sendBatch(
  batch: LogEvent[],
  send: Transport,
  store: OutboxStore,
  now: () => number,
): Promise<BatchOutcome> {
  let decision: BatchDecision;
  try {
    decision = classifyReply(await send(batch), batch.length);
  } catch (error) {
    const reason = `network: ${error instanceof Error ? error.message : String(error)}`;
    return { kind: 'retry', reason, retryAfterMs: null };
  }

  switch (decision.kind) {
    case 'results':
      return applyResults(batch, decision, store, now);
    case 'split': {
      if (batch.length === 1) {
        await store.deadLetter([{ event: batch[0] as LogEvent, reason: decision.reason }], now());
        return { kind: 'ok', acknowledged: 0, deadLettered: 1 };
      }
      const middle = Math.ceil(batch.length / 2);
      let acknowledged = 0;
      let deadLettered = 0;
      for (const half of [batch.slice(0, middle), batch.slice(middle)]) {
        const outcome = await sendBatch(half, send, store, now);
        if (outcome.kind !== 'ok') return outcome;
        acknowledged += outcome.acknowledged;
        deadLettered += outcome.deadLettered;
      }
      return { kind: 'ok', acknowledged, deadLettered };
    }
    case 'dead-letter':
      await store.deadLetter(
        batch.map((event) => ({ event, reason: decision.reason })),
        now(),
      );
      return { kind: 'ok', acknowledged: 0, deadLettered: batch.length };
    case 'reauth':
      return { kind: 'reauth', reason: decision.reason };
    case 'retry':
      return { kind: 'retry', reason: decision.reason, retryAfterMs: decision.retryAfterMs };
  }
}

async function applyResults(
  batch: LogEvent[],
  decision: Extract<BatchDecision, { kind: 'results' }>,
  store: OutboxStore,
  now: () => number,
): Promise<BatchOutcome> {
  const acked: string[] = [];
  const rejected: { event: LogEvent; reason: string }[] = [];
  for (const result of decision.response.results) {
    const event = batch[result.index];
    // Only a result that names our event at our index counts; anything else stays queued.
    if (!event || result.id !== event.id) continue;
    if (result.status === 'accepted' || result.status === 'duplicate') acked.push(event.id);
    else rejected.push({ event, reason: result.reason ?? 'rejected without a reason' });
  }
  if (acked.length > 0) await store.acknowledge(acked, now());
  if (rejected.length > 0) await store.deadLetter(rejected, now());
  if (acked.length + rejected.length < batch.length) {
    return { kind: 'retry', reason: 'reply did not name every event', retryAfterMs: null };
  }
  return { kind: 'ok', acknowledged: acked.length, deadLettered: rejected.length };
}
