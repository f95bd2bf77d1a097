// @vitest-environment happy-dom
/**
 * The one polling hook (device status, notices, help requests, the help point's tally), in a
 * real React root on fake timers: it asks at the interval after each answer, stops when the
 * component goes, retries sooner with a doubling wait after a failure, keeps the last value
 * (stale) while it asks again, and sends nothing while the page is hidden.
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  retryDelayMs,
  usePolling,
  type Polled,
  type PollingOptions,
} from '../../src/lib/use-polling';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Answers the hook's requests in order: a value, an error, or held until `release`. */
function source<T>(answers: (T | Error | 'hold')[]) {
  const asked: number[] = [];
  let release: ((value: T) => void) | null = null;
  const fetch = vi.fn(() => {
    asked.push(Date.now());
    const next = answers.shift();
    if (next === undefined) return Promise.reject(new Error('no more answers'));
    if (next === 'hold')
      return new Promise<T>((resolve) => {
        release = resolve;
      });
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  });
  return {
    fetch,
    asked,
    release: (value: T) => release?.(value),
  };
}

function mount<T>(fetch: () => Promise<T>, options: PollingOptions) {
  let latest: Polled<T> | null = null;
  function Probe(props: { options: PollingOptions }) {
    latest = usePolling(fetch, props.options);
    return null;
  }
  const root = createRoot(document.createElement('div'));
  act(() => root.render(createElement(Probe, { options })));
  return {
    get current(): Polled<T> {
      if (!latest) throw new Error('not rendered');
      return latest;
    },
    rerender: (next: PollingOptions) =>
      act(() => root.render(createElement(Probe, { options: next }))),
    unmount: () => act(() => root.unmount()),
  };
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

let visibility: DocumentVisibilityState = 'visible';
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => visibility,
  });
});
afterEach(() => vi.useRealTimers());

describe('usePolling', () => {
  it('asks at once, then every interval after each answer', async () => {
    const { fetch, asked } = source([1, 2, 3]);
    const polled = mount(fetch, { intervalMs: 5000 });
    await advance(0);
    expect(polled.current.data).toBe(1);
    expect(polled.current.error).toBeNull();
    await advance(4999);
    expect(asked).toEqual([0]);
    await advance(1);
    expect(polled.current.data).toBe(2);
    await advance(5000);
    expect(asked).toEqual([0, 5000, 10_000]);
    expect(polled.current.data).toBe(3);
    polled.unmount();
  });

  it('waits the initial delay before the first request', async () => {
    const { fetch, asked } = source([1]);
    const polled = mount(fetch, { intervalMs: 10_000, initialDelayMs: 1000 });
    await advance(999);
    expect(asked).toEqual([]);
    expect(polled.current.data).toBeUndefined();
    await advance(1);
    expect(asked).toEqual([1000]);
    expect(polled.current.data).toBe(1);
    polled.unmount();
  });

  it('stops when the component unmounts', async () => {
    const { fetch, asked } = source([1, 2, 3]);
    const polled = mount(fetch, { intervalMs: 1000 });
    await advance(1500);
    expect(asked).toEqual([0, 1000]);
    polled.unmount();
    await advance(10_000);
    expect(asked).toEqual([0, 1000]);
  });

  it('retries with a doubling wait, up to the interval, and keeps the last value', async () => {
    const failed = () => new Error('unreachable');
    const { fetch, asked } = source([1, failed(), failed(), failed(), failed(), 2, 3]);
    const polled = mount(fetch, { intervalMs: 6000, retryBaseMs: 1000 });
    await advance(6000);
    // The first failure is shown at once; the value from before stays.
    expect(polled.current.error?.message).toBe('unreachable');
    expect(polled.current.failures).toBe(1);
    expect(polled.current.data).toBe(1);
    await advance(1000 + 2000 + 4000);
    expect(asked).toEqual([0, 6000, 7000, 9000, 13_000]);
    expect(polled.current.failures).toBe(4);
    // The next wait would be 8 s; the interval caps it.
    await advance(6000);
    expect(asked.at(-1)).toBe(19_000);
    expect(polled.current).toMatchObject({ data: 2, error: null, failures: 0 });
    // Back to the interval after a success.
    await advance(6000);
    expect(asked.at(-1)).toBe(25_000);
    expect(polled.current.data).toBe(3);
    polled.unmount();
  });

  it('shows the last value as stale while a request is out', async () => {
    const { fetch, release } = source<string>(['first', 'hold']);
    const polled = mount(fetch, { intervalMs: 1000 });
    await advance(0);
    expect(polled.current).toMatchObject({ data: 'first', refreshing: false });
    await advance(1000);
    expect(polled.current).toMatchObject({ data: 'first', refreshing: true });
    // Never two at once: the timer waits for the answer.
    await advance(5000);
    expect(fetch).toHaveBeenCalledTimes(2);
    await act(async () => release('second'));
    expect(polled.current).toMatchObject({ data: 'second', refreshing: false });
    polled.unmount();
  });

  it('asks at once on refresh() and when the refresh key changes', async () => {
    const { fetch, asked } = source([1, 2, 3, 4]);
    const polled = mount(fetch, { intervalMs: 60_000, refreshKey: 0 });
    await advance(100);
    act(() => polled.current.refresh());
    await advance(0);
    expect(polled.current.data).toBe(2);
    await advance(100);
    polled.rerender({ intervalMs: 60_000, refreshKey: 1 });
    await advance(0);
    expect(asked).toEqual([0, 100, 200]);
    expect(polled.current.data).toBe(3);
    polled.unmount();
  });

  it('sends nothing while the page is hidden, and asks as soon as it is shown', async () => {
    const { fetch, asked } = source([1, 2, 3]);
    const polled = mount(fetch, { intervalMs: 1000 });
    await advance(0);
    visibility = 'hidden';
    await advance(5000);
    expect(asked).toEqual([0]);
    visibility = 'visible';
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(asked).toEqual([0, 5000]);
    expect(polled.current.data).toBe(2);
    polled.unmount();
  });

  it('does nothing while disabled', async () => {
    const { fetch, asked } = source([1]);
    const polled = mount(fetch, { intervalMs: 1000, enabled: false });
    await advance(5000);
    expect(asked).toEqual([]);
    polled.rerender({ intervalMs: 1000, enabled: true });
    await advance(0);
    expect(asked).toEqual([5000]);
    polled.unmount();
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and never waits longer than the interval', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => retryDelayMs(failures, 1000, 10_000))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });
});
