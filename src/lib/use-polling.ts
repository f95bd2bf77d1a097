/**
 * Polls an async source while a component is mounted: every `intervalMs` after the last
 * answer (never two requests at once), and sooner after a failure, backing off from
 * `retryBaseMs` and doubling up to the interval. The last good value stays in `data` while a
 * refresh runs and after one failed, so a screen keeps showing what it had and can say it may
 * be stale. While the page is hidden no request goes out; the one that came due goes out as
 * soon as the page is shown again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface PollingOptions {
  intervalMs: number;
  /** Before the first request (default 0). */
  initialDelayMs?: number;
  /** The first retry after a failure (default 1 s); each further one waits twice as long. */
  retryBaseMs?: number;
  /** False stops polling (and starts it again when true). Default true. */
  enabled?: boolean;
  /** A new value asks again at once: the source changed here (e.g. a record was saved). */
  refreshKey?: unknown;
}

export interface Polled<T> {
  /** The last value the source gave; undefined until the first one. */
  data: T | undefined;
  /** The last attempt's failure; null once an attempt succeeds. */
  error: Error | null;
  /** Failed attempts in a row. */
  failures: number;
  /** A request is out (data, if any, is from the one before). */
  refreshing: boolean;
  /** Asks again now, whatever the timer says. */
  refresh(): void;
}

type PollState<T> = Omit<Polled<T>, 'refresh'>;

const DEFAULT_RETRY_BASE_MS = 1000;

/** The wait before the next attempt after `failures` failed ones in a row. */
export function retryDelayMs(failures: number, retryBaseMs: number, intervalMs: number): number {
  return Math.min(retryBaseMs * 2 ** Math.max(0, failures - 1), intervalMs);
}

const asError = (caught: unknown) => (caught instanceof Error ? caught : new Error(String(caught)));

/** `fetch` should be stable (useCallback): a new one starts polling over. */
export function usePolling<T>(fetch: () => Promise<T>, options: PollingOptions): Polled<T> {
  const {
    intervalMs,
    initialDelayMs = 0,
    retryBaseMs = DEFAULT_RETRY_BASE_MS,
    enabled = true,
    refreshKey,
  } = options;
  const [state, setState] = useState<PollState<T>>({
    data: undefined,
    error: null,
    failures: 0,
    refreshing: false,
  });
  const askNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    let timer: number | undefined;
    let failures = 0;
    // Only the newest request's answer counts: refresh() may overtake one still out.
    let newest = 0;
    let dueWhileHidden = false;

    const schedule = (delayMs: number) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(attempt, delayMs);
    };
    function attempt() {
      if (stopped) return;
      if (document.visibilityState === 'hidden') {
        dueWhileHidden = true;
        return;
      }
      dueWhileHidden = false;
      const request = ++newest;
      setState((previous) => (previous.refreshing ? previous : { ...previous, refreshing: true }));
      fetch().then(
        (data) => {
          if (stopped || request !== newest) return;
          failures = 0;
          setState({ data, error: null, failures, refreshing: false });
          schedule(intervalMs);
        },
        (caught: unknown) => {
          if (stopped || request !== newest) return;
          failures += 1;
          const error = asError(caught);
          setState((previous) => ({ ...previous, error, failures, refreshing: false }));
          schedule(retryDelayMs(failures, retryBaseMs, intervalMs));
        },
      );
    }
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && dueWhileHidden) attempt();
    };

    document.addEventListener('visibilitychange', onVisibility);
    askNow.current = () => {
      window.clearTimeout(timer);
      attempt();
    };
    schedule(initialDelayMs);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      askNow.current = () => undefined;
      // A request still out is dropped: nothing is refreshing any more.
      setState((previous) => (previous.refreshing ? { ...previous, refreshing: false } : previous));
    };
  }, [fetch, intervalMs, initialDelayMs, retryBaseMs, enabled, refreshKey]);

  const refresh = useCallback(() => askNow.current(), []);
  return { ...state, refresh };
}
