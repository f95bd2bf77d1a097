/**
 * A token bucket per device: `burst` requests at once, refilled at `requestsPerMinute`.
 * In memory, per process: enough for one reference collector, and it forgets on restart,
 * which at worst lets a device send one extra burst.
 */
export interface RateLimitOptions {
  requestsPerMinute: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requestsPerMinute: 600, burst: 100 };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const SWEEP_ABOVE = 10_000;

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly burst: number;

  constructor(
    options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (!(options.requestsPerMinute > 0) || !(options.burst >= 1)) {
      throw new RangeError('rate limit: requestsPerMinute must be > 0 and burst >= 1');
    }
    this.perMs = options.requestsPerMinute / 60_000;
    this.burst = options.burst;
  }

  take(key: string): RateDecision {
    const now = this.now();
    if (this.buckets.size >= SWEEP_ABOVE && !this.buckets.has(key)) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
    return { allowed: false, retryAfterSeconds };
  }

  /** Forgets buckets that have refilled completely: they behave exactly like new ones. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.burst) {
        this.buckets.delete(key);
      }
    }
  }
}
