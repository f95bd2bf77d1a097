/**
 * Retry timing: exponential backoff with full jitter, so a fleet of kiosks coming back
 * online at once does not hammer the collector in lockstep, and the server's Retry-After wins.
 */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 10 * 60_000;

/** attempt 1 → up to 2 s, 2 → up to 4 s, … capped at 10 min; never below 1 s. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.max(1_000, Math.round(random() * ceiling));
}

/** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** The server's Retry-After when given (capped, so a bad header cannot stall a kiosk for days). */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== null) return Math.min(Math.max(retryAfterMs, 1_000), 60 * 60_000);
  return backoffDelay(attempt, random);
}
