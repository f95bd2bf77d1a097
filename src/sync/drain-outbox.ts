/**
 * One drain of the outbox: send the oldest events in batches until the queue is empty or the
 * collector says stop. Entries leave the outbox only on a per-event "accepted"/"duplicate"
 * (acknowledged) or "rejected" (moved to the dead letters with the reason). Everything else
 * (network errors, 5xx, 429, unreadable replies, a crash half-way) leaves them queued, and the
 * collector's dedup on the event id makes the inevitable re-send harmless.
 *
 * Poison events (docs/sync-protocol.md): a 5xx is first taken as a collector that is down, and
 * retried with backoff. When the next drain also ends on a 5xx, batches that get one are split
 * (as for 413) until the event behind it is alone. That event is then "isolated": it is sent by
 * itself after everything else, so nothing waits behind it, and once it has had only 5xx for
 * 24 hours while the collector answered other batches, it becomes a dead letter with the
 * reason `collector-error`. A budget of 5xx answers per drain keeps a collector that is really
 * down from being flooded by the splitting.
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
import { classifyReply, type BatchDecision, type HttpReply } from './classify-response';
import type { Transport } from './transport';

export type DrainOutcome =
  | { kind: 'not-enrolled' }
  | { kind: 'needs-enrollment'; reason: string }
  /** isolated: suspected poison events still queued (each got only 5xx when sent alone). */
  | { kind: 'done'; acknowledged: number; deadLettered: number; isolated?: number }
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
/** The dead-letter reason of an event that got only 5xx, alone, for POISON_AFTER_MS. */
export const COLLECTOR_ERROR = 'collector-error';
export const POISON_AFTER_MS = 24 * 60 * 60 * 1000;
/** 5xx answers one drain accepts while splitting: enough to isolate two events in 500. */
export const SERVER_ERROR_BUDGET = 24;

type BatchOutcome =
  | { kind: 'ok' }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null; serverError: boolean }
  | { kind: 'reauth'; reason: string };

interface Settlement {
  acked: string[];
  rejected: { event: LogEvent; reason: string }[];
  /** Events that got a 5xx alone for the first time. */
  isolated: string[];
}

interface DrainContext {
  send: Transport;
  now: () => number;
  /** Split on 5xx: the previous drain also ended on one. */
  splitOnServerError: boolean;
  serverErrorsLeft: number;
  /** First 5xx of each event already isolated (from the outbox). */
  isolatedSince: Map<string, number>;
  /** Left queued in this drain: isolated events are not sent again in a batch. */
  skip: Set<string>;
  lastOkAt: number | null;
  clock: { skewMs: number; at: number } | null;
  settlement: Settlement;
}

const emptySettlement = (): Settlement => ({ acked: [], rejected: [], isolated: [] });

export async function drainOutbox(deps: DrainDeps): Promise<DrainOutcome> {
  const { store, now = Date.now, random = Math.random } = deps;
  const enrollment = await store.readEnrollment();
  if (!enrollment) return { kind: 'not-enrolled' };
  const before = await store.readSyncStatus();
  await store.updateSyncStatus({ lastAttemptAt: now() });
  const ctx: DrainContext = {
    send: deps.transportFor(enrollment.collectorUrl, enrollment.token),
    now,
    splitOnServerError: before.serverErrorStreak > 0,
    serverErrorsLeft: SERVER_ERROR_BUDGET,
    isolatedSince: new Map(),
    skip: new Set(),
    lastOkAt: before.lastCollectorOkAt,
    clock: null,
    settlement: emptySettlement(),
  };

  let acknowledged = 0;
  let deadLettered = 0;
  const settle = async () => {
    const { acked, rejected, isolated } = ctx.settlement;
    ctx.settlement = emptySettlement();
    if (isolated.length > 0) await store.markServerError(isolated, now());
    if (acked.length + rejected.length === 0) return;
    await store.settle(acked, rejected, now());
    acknowledged += acked.length;
    deadLettered += rejected.length;
  };
  const observed = (): Partial<SyncStatus> => ({
    lastCollectorOkAt: ctx.lastOkAt,
    ...(ctx.clock ? { clockSkewMs: ctx.clock.skewMs, clockCheckedAt: ctx.clock.at } : {}),
  });
  const stop = async (outcome: Exclude<BatchOutcome, { kind: 'ok' }>): Promise<DrainOutcome> => {
    await settle();
    if (outcome.kind === 'reauth') {
      await store.updateSyncStatus({
        ...observed(),
        needsEnrollment: true,
        lastError: { at: now(), message: outcome.reason },
      });
      return { kind: 'needs-enrollment', reason: outcome.reason };
    }
    const status = await store.readSyncStatus();
    const attempt = status.consecutiveFailures + 1;
    const delayMs = retryDelay(attempt, outcome.retryAfterMs, random);
    await store.updateSyncStatus({
      ...observed(),
      consecutiveFailures: attempt,
      serverErrorStreak: outcome.serverError ? status.serverErrorStreak + 1 : 0,
      nextAttemptAt: now() + delayMs,
      lastError: { at: now(), message: outcome.reason },
    });
    return { kind: 'retry', delayMs, reason: outcome.reason, acknowledged };
  };

  const isolated: LogEvent[] = [];
  for (;;) {
    const pending = (
      await store.peek(MAX_BATCH_EVENTS * BATCHES_PER_SETTLEMENT + ctx.skip.size)
    ).filter((event) => !ctx.skip.has(event.id));
    if (pending.length === 0) break;
    const since = await store.serverErrorsSince(pending.map((event) => event.id));
    for (const event of pending) {
      const first = since.get(event.id);
      if (first === undefined) continue;
      ctx.isolatedSince.set(event.id, first);
      ctx.skip.add(event.id);
      isolated.push(event);
    }
    for (const batch of makeBatches(pending.filter((event) => !since.has(event.id)))) {
      const outcome = await sendBatch(batch, ctx);
      if (outcome.kind !== 'ok') return stop(outcome);
    }
    await settle();
    deps.onProgress?.({ acknowledged, remaining: await store.count() });
  }
  // Isolated events last, one by one: whatever they do, the rest has been delivered.
  ctx.splitOnServerError = true;
  for (const event of isolated) {
    const outcome = await sendBatch([event], ctx);
    if (outcome.kind !== 'ok') return stop(outcome);
  }
  await settle();
  const stillIsolated = await store.serverErrorsSince([...ctx.skip]);
  await store.updateSyncStatus({
    ...observed(),
    lastSuccessAt: now(),
    consecutiveFailures: 0,
    serverErrorStreak: 0,
    nextAttemptAt: null,
    needsEnrollment: false,
  });
  const outcome: DrainOutcome = { kind: 'done', acknowledged, deadLettered };
  return stillIsolated.size > 0 ? { ...outcome, isolated: stillIsolated.size } : outcome;
}

function observe(reply: HttpReply, ctx: DrainContext): void {
  const at = ctx.now();
  if (typeof reply.serverDate === 'number') ctx.clock = { skewMs: reply.serverDate - at, at };
  if (reply.status === 200) ctx.lastOkAt = at;
}

async function sendBatch(batch: LogEvent[], ctx: DrainContext): Promise<BatchOutcome> {
  const { settlement } = ctx;
  let decision: BatchDecision;
  try {
    const reply = await ctx.send(batch);
    observe(reply, ctx);
    decision = classifyReply(reply, batch.length);
  } catch (error) {
    const reason = `network: ${error instanceof Error ? error.message : String(error)}`;
    return { kind: 'retry', reason, retryAfterMs: null, serverError: false };
  }

  switch (decision.kind) {
    case 'results':
      return applyResults(batch, decision, settlement);
    case 'split': {
      if (batch.length === 1) {
        settlement.rejected.push({ event: batch[0] as LogEvent, reason: decision.reason });
        return { kind: 'ok' };
      }
      return sendHalves(batch, ctx);
    }
    case 'dead-letter':
      batch.forEach((event) => settlement.rejected.push({ event, reason: decision.reason }));
      return { kind: 'ok' };
    case 'reauth':
      return { kind: 'reauth', reason: decision.reason };
    case 'retry': {
      const retry: BatchOutcome = {
        kind: 'retry',
        reason: decision.reason,
        retryAfterMs: decision.retryAfterMs,
        serverError: decision.serverError === true,
      };
      if (!decision.serverError || !ctx.splitOnServerError) return retry;
      ctx.serverErrorsLeft -= 1;
      if (ctx.serverErrorsLeft < 0) return retry;
      if (batch.length > 1) return sendHalves(batch, ctx);
      isolate(batch[0] as LogEvent, ctx);
      return { kind: 'ok' };
    }
  }
}

async function sendHalves(batch: LogEvent[], ctx: DrainContext): Promise<BatchOutcome> {
  const middle = Math.ceil(batch.length / 2);
  for (const half of [batch.slice(0, middle), batch.slice(middle)]) {
    const outcome = await sendBatch(half, ctx);
    if (outcome.kind !== 'ok') return outcome;
  }
  return { kind: 'ok' };
}

/** One event alone got a 5xx: keep it aside, or after 24 hours make it a dead letter. */
function isolate(event: LogEvent, ctx: DrainContext): void {
  ctx.skip.add(event.id);
  const first = ctx.isolatedSince.get(event.id);
  if (first === undefined) {
    ctx.settlement.isolated.push(event.id);
    return;
  }
  // Only when the collector answered others since: a collector that is down is no evidence.
  const collectorWorks = ctx.lastOkAt !== null && ctx.lastOkAt > first;
  if (ctx.now() - first >= POISON_AFTER_MS && collectorWorks) {
    ctx.settlement.rejected.push({ event, reason: COLLECTOR_ERROR });
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
    const reason = 'reply did not name every event';
    return { kind: 'retry', reason, retryAfterMs: null, serverError: false };
  }
  return { kind: 'ok' };
}
