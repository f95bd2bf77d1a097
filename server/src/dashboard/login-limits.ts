/**
 * Login rate limits, in fixed windows in this process's memory (as the collector's other
 * limits): per client address every attempt counts, per email only failed ones, so guessing
 * one account's password from many addresses is stopped while its owner, who types it right,
 * is not locked out by someone else's guesses.
 */
export interface LoginLimit {
  max: number;
  windowMs: number;
}

export interface LoginLimits {
  address: LoginLimit;
  email: LoginLimit;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  // Staff of one library may share an address: room for them, none for a guessing script.
  address: { max: 30, windowMs: 15 * 60_000 },
  email: { max: 10, windowMs: 15 * 60_000 },
};

interface Window {
  count: number;
  resetAt: number;
}

/** Counts per key; `blocked` answers how many seconds are left, or 0. */
export class FixedWindowCounter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limit: LoginLimit) {}

  /** Seconds until the key may try again, or 0 when it is under its limit. */
  blocked(key: string, now: number): number {
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now || window.count < this.limit.max) return 0;
    return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
  }

  count(key: string, now: number): void {
    if (this.windows.size > 10_000) this.prune(now);
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.limit.windowMs });
    } else {
      window.count += 1;
    }
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
