/**
 * One drain of the outbox: send the oldest events in batches until the queue is empty or the
 * collector says stop. Entries leave the outbox only on a per-event "accepted"/"duplicate"
 * (acknowledged) or "rejected" (moved to the dead letters with the reason). Everything else
 * (network errors, 5xx, 429, unreadable replies, a crash half-way) leaves them queued, and the
 * collector's dedup on the event id makes the inevitable re-send harmless.
 *
 * Acknowledgements are settled in one strict transaction per group of batches rather than per
 * batch: settling later is always safe (at worst an event is re-sent and answered "duplicate"),
 * and it saves a disk flush per batch.
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
  /** Called after each settled group, for the staff's "sync now" progress. */
  onProgress?: (progress: { acknowledged: number; remaining: number }) => void;
}

/** How many batches are sent before their acknowledgements are written down. */
const BATCHES_PER_SETTLEMENT = 4;

type BatchOutcome =
  | { kind: 'ok' }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  | { kind: 'reauth'; reason: string };

interface Settlement {
  acked: string[];
  rejected: { event: LogEvent; reason: string }[];
}

export async function drainOutbox(deps: DrainDeps): Promise<DrainOutcome> {
  const { store, now = Date.now, random = Math.random } = deps;
  const enrollment = await store.readEnrollment();
  if (!enrollment) return { kind: 'not-enrolled' };
  const send = deps.transportFor(enrollment.collectorUrl, enrollment.token);
  await store.updateSyncStatus({ lastAttemptAt: now() });

  let acknowledged = 0;
  let deadLettered = 0;
  const settle = async (settlement: Settlement) => {
    if (settlement.acked.length + settlement.rejected.length === 0) return;
    await store.settle(settlement.acked, settlement.rejected, now());
    acknowledged += settlement.acked.length;
    deadLettered += settlement.rejected.length;
  };

  for (;;) {
    const pending = await store.peek(MAX_BATCH_EVENTS * BATCHES_PER_SETTLEMENT);
    if (pending.length === 0) break;
    const settlement: Settlement = { acked: [], rejected: [] };
    for (const batch of makeBatches(pending)) {
      const outcome = await sendBatch(batch, send, settlement);
      if (outcome.kind === 'ok') continue;
      await settle(settlement);
      if (outcome.kind === 'reauth') {
        await store.updateSyncStatus({
          needsEnrollment: true,
          lastError: { at: now(), message: outcome.reason },
        });
        return { kind: 'needs-enrollment', reason: outcome.reason };
      }
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
    await settle(settlement);
    deps.onProgress?.({ acknowledged, remaining: await store.count() });
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
  settlement: Settlement,
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
      return applyResults(batch, decision, settlement);
    case 'split': {
      if (batch.length === 1) {
        settlement.rejected.push({ event: batch[0] as LogEvent, reason: decision.reason });
        return { kind: 'ok' };
      }
      const middle = Math.ceil(batch.length / 2);
      for (const half of [batch.slice(0, middle), batch.slice(middle)]) {
        const outcome = await sendBatch(half, send, settlement);
        if (outcome.kind !== 'ok') return outcome;
      }
      return { kind: 'ok' };
    }
    case 'dead-letter':
      batch.forEach((event) => settlement.rejected.push({ event, reason: decision.reason }));
      return { kind: 'ok' };
    case 'reauth':
      return { kind: 'reauth', reason: decision.reason };
    case 'retry':
      return { kind: 'retry', reason: decision.reason, retryAfterMs: decision.retryAfterMs };
  }
}

function applyResults(
  batch: LogEvent[],
  decision: Extract<BatchDecision, { kind: 'results' }>,
  settlement: Settlement,
): BatchOutcome {
  let named = 0;
  for (const result of decision.response.results) {
    const event = batch[result.index];
    // Only a result that names our event at our index counts; anything else stays queued.
    if (!event || result.id !== event.id) continue;
    named += 1;
    if (result.status === 'accepted' || result.status === 'duplicate')
      settlement.acked.push(event.id);
    else settlement.rejected.push({ event, reason: result.reason ?? 'rejected without a reason' });
  }
  if (named < batch.length) {
    return { kind: 'retry', reason: 'reply did not name every event', retryAfterMs: null };
  }
  return { kind: 'ok' };
}
