// The per-device token bucket, with a fake clock. (429 over HTTP: events.test.ts.)
import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from '../../server/src/http/rate-limit';

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refills at the configured rate', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 60, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 999;
    expect(limiter.take('a').allowed).toBe(false);
    now += 1;
    expect(limiter.take('a').allowed).toBe(true);
    // Another device has its own bucket.
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('says how long until the next request may pass, in whole seconds', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 6, burst: 1 }, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 7_500;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 3 });
  });

  it('never holds more than the burst, however long a device was quiet', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 600, burst: 2 }, () => now);
    limiter.take('a');
    now += 3_600_000;
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });

  it('refuses nonsense settings', () => {
    expect(() => new TokenBucketLimiter({ requestsPerMinute: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucketLimiter({ requestsPerMinute: 60, burst: 0 })).toThrow(RangeError);
  });
});
