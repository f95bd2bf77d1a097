/**
 * What the device does with each collector answer (docs/sync-protocol.md). Pure, so every
 * branch is unit-tested: a reply is never taken as delivered unless it says so per event.
 */
import { eventBatchResponseSchema, type EventBatchResponse } from '../protocol/sync-api';

export type BatchDecision =
  | { kind: 'results'; response: EventBatchResponse }
  /** serverError: a 5xx, which the drain answers by isolating a poison event once it repeats. */
  | { kind: 'retry'; reason: string; retryAfterMs: number | null; serverError?: boolean }
  | { kind: 'split'; reason: string }
  | { kind: 'reauth'; reason: string }
  | { kind: 'dead-letter'; reason: string };

export interface HttpReply {
  status: number;
  retryAfterMs: number | null;
  body: unknown;
  /** The collector's clock from its Date header (epoch ms), for the clock-skew check. */
  serverDate?: number | null;
}

function errorCode(body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code === 'string') {
      return typeof error.message === 'string' ? `${error.code}: ${error.message}` : error.code;
    }
  }
  return 'no error body';
}

export function classifyReply(reply: HttpReply, batchSize: number): BatchDecision {
  const { status } = reply;
  if (status === 200) {
    const parsed = eventBatchResponseSchema.safeParse(reply.body);
    // A 200 we cannot read is not an acknowledgement: keep everything and try again later.
    if (!parsed.success)
      return { kind: 'retry', reason: 'unreadable 200 reply', retryAfterMs: null };
    if (parsed.data.results.length !== batchSize) {
      return { kind: 'retry', reason: 'reply does not cover the batch', retryAfterMs: null };
    }
    return { kind: 'results', response: parsed.data };
  }
  const reason = `HTTP ${status} (${errorCode(reply.body)})`;
  if (status === 413) return { kind: 'split', reason };
  if (status === 401 || status === 403) return { kind: 'reauth', reason };
  if (status >= 500) {
    return { kind: 'retry', reason, retryAfterMs: reply.retryAfterMs, serverError: true };
  }
  if (status === 429 || status === 408) {
    return { kind: 'retry', reason, retryAfterMs: reply.retryAfterMs };
  }
  if (status >= 400 && status < 500) return { kind: 'dead-letter', reason };
  // 1xx/2xx/3xx other than 200: unexpected, so nothing counts as delivered.
  return { kind: 'retry', reason, retryAfterMs: reply.retryAfterMs };
}
