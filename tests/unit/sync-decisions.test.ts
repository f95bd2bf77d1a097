import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, retryDelay, BACKOFF_MAX_MS } from '../../src/sync/backoff';
import { classifyReply } from '../../src/sync/classify-response';
import { makeBatches } from '../../src/sync/batching';
import { visitEvent } from '../support/events';

describe('backoff', () => {
  it('grows exponentially with full jitter, capped', () => {
    expect(backoffDelay(1, () => 1)).toBe(2_000);
    expect(backoffDelay(2, () => 1)).toBe(4_000);
    expect(backoffDelay(5, () => 1)).toBe(32_000);
    expect(backoffDelay(40, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(3, () => 0.5)).toBe(4_000);
    // Never zero, so a failing collector is not hammered.
    expect(backoffDelay(3, () => 0)).toBe(1_000);
  });

  it('honours Retry-After in seconds or as a date, and caps it', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(retryDelay(1, 120_000, () => 0)).toBe(120_000);
    expect(retryDelay(1, 999 * 3600_000)).toBe(3600_000);
    expect(retryDelay(2, null, () => 1)).toBe(4_000);
  });
});

describe('classifying collector replies', () => {
  const ok = (results: unknown[]) => ({
    status: 200,
    retryAfterMs: null,
    body: { receivedAt: '2026-11-21T10:00:00.000Z', results },
  });

  it('reads per-event results only when they cover the batch', () => {
    const results = [{ index: 0, id: 'a', status: 'accepted' }];
    expect(classifyReply(ok(results), 1).kind).toBe('results');
    expect(classifyReply(ok(results), 2).kind).toBe('retry');
    expect(classifyReply({ status: 200, retryAfterMs: null, body: 'OK' }, 1).kind).toBe('retry');
  });

  it('maps status codes to retry, split, reauth and dead-letter', () => {
    const reply = (status: number, retryAfterMs: number | null = null) => ({
      status,
      retryAfterMs,
      body: { error: { code: 'x', message: 'y' } },
    });
    expect(classifyReply(reply(500), 3)).toMatchObject({ kind: 'retry' });
    expect(classifyReply(reply(503, 5000), 3)).toMatchObject({ kind: 'retry', retryAfterMs: 5000 });
    expect(classifyReply(reply(429, 7000), 3)).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    expect(classifyReply(reply(413), 3)).toMatchObject({ kind: 'split' });
    expect(classifyReply(reply(401), 3)).toMatchObject({ kind: 'reauth' });
    expect(classifyReply(reply(403), 3)).toMatchObject({ kind: 'reauth' });
    expect(classifyReply(reply(400), 3)).toMatchObject({
      kind: 'dead-letter',
      reason: 'HTTP 400 (x: y)',
    });
    expect(classifyReply(reply(422), 3)).toMatchObject({ kind: 'dead-letter' });
    // A 202/204 is not a per-event acknowledgement.
    expect(classifyReply(reply(204), 3)).toMatchObject({ kind: 'retry' });
  });
});

describe('batching', () => {
  it('keeps batches at 500 events or 256 KiB at most, in order', () => {
    const events = Array.from({ length: 1234 }, () => visitEvent());
    const batches = makeBatches(events);
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 234]);
    expect(batches.flat().map((event) => event.id)).toEqual(events.map((event) => event.id));

    const bySize = makeBatches(events, 500, 20_000);
    for (const batch of bySize) {
      expect(JSON.stringify({ events: batch }).length).toBeLessThanOrEqual(20_000);
    }
    expect(bySize.flat()).toHaveLength(1234);
  });
});
