/** Sends one batch to the collector over fetch; a network failure throws, any HTTP answer returns. */
import type { LogEvent } from '../protocol/events';
import { EVENTS_PATH } from '../protocol/sync-api';
import { parseRetryAfter } from './backoff';
import type { HttpReply } from './classify-response';

export type Transport = (events: LogEvent[]) => Promise<HttpReply>;

export function fetchTransport(
  collectorUrl: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 30_000,
): Transport {
  const url = new URL(EVENTS_PATH, collectorUrl).toString();
  return async (events) => {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ events }),
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      body = null;
    }
    const date = response.headers.get('date');
    const serverDate = date === null ? Number.NaN : Date.parse(date);
    return {
      status: response.status,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
      body,
      serverDate: Number.isNaN(serverDate) ? null : serverDate,
    };
  };
}
