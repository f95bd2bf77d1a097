/**
 * The live calls to the collector besides delivering logs: relaying a kiosk's help request,
 * the staff tablets' list of requests (polled), accepting or closing one, and the help
 * point's tally. Every call is best effort and answers with a plain outcome instead of
 * throwing: the kiosk then falls back to showing the desk, and staff see "offline".
 */
import type { Enrollment } from '../protocol/sync-api';
import {
  HELP_REQUESTS_PATH,
  TALLY_PATH,
  helpPointTallySchema,
  helpRequestListSchema,
  helpRequestResponseSchema,
  type HelpPointTally,
  type HelpRequest,
  type HelpRequestAction,
  type HelpRequestCreate,
} from '../protocol/help-requests';

export type Reply<T> =
  | { kind: 'ok'; value: T }
  /** No network, a timeout, or the collector is down. */
  | { kind: 'unreachable' }
  /** The collector answered with an error (the message says which). */
  | { kind: 'refused'; status: number; message: string };

const TIMEOUT_MS = 8000;

/** Told the collector's clock (its Date header, epoch ms) and the device's, on every answer. */
export type ClockObserver = (serverDate: number, deviceNow: number) => void;

async function call<T>(
  enrollment: Enrollment,
  path: string,
  init: { method: 'GET' | 'POST'; body?: unknown },
  parse: (body: unknown) => T,
  fetchImpl: typeof fetch = fetch,
  onClock?: ClockObserver,
): Promise<Reply<T>> {
  let response: Response;
  try {
    response = await fetchImpl(new URL(path, enrollment.collectorUrl).toString(), {
      method: init.method,
      headers: {
        authorization: `Bearer ${enrollment.token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? null : JSON.stringify(init.body),
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  const serverDate = Date.parse(response.headers.get('date') ?? '');
  if (onClock && !Number.isNaN(serverDate)) onClock(serverDate, Date.now());
  let body: unknown = null;
  try {
    body = (await response.json()) as unknown;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && 'error' in body
        ? String((body as { error: { message?: unknown } }).error.message)
        : `HTTP ${response.status}`;
    return { kind: 'refused', status: response.status, message };
  }
  try {
    return { kind: 'ok', value: parse(body) };
  } catch (error) {
    return { kind: 'refused', status: response.status, message: String(error) };
  }
}

export function createCollectorClient(
  enrollment: Enrollment,
  fetchImpl: typeof fetch = fetch,
  onClock?: ClockObserver,
) {
  return {
    requestHelp(request: HelpRequestCreate): Promise<Reply<HelpRequest>> {
      return call(
        enrollment,
        HELP_REQUESTS_PATH,
        { method: 'POST', body: request },
        (body) => helpRequestResponseSchema.parse(body).request,
        fetchImpl,
        onClock,
      );
    },
    listHelpRequests(): Promise<Reply<HelpRequest[]>> {
      return call(
        enrollment,
        HELP_REQUESTS_PATH,
        { method: 'GET' },
        (body) => helpRequestListSchema.parse(body).requests,
        fetchImpl,
        onClock,
      );
    },
    actOnHelpRequest(id: string, action: HelpRequestAction): Promise<Reply<HelpRequest>> {
      return call(
        enrollment,
        `${HELP_REQUESTS_PATH}/${encodeURIComponent(id)}/${action}`,
        { method: 'POST', body: {} },
        (body) => helpRequestResponseSchema.parse(body).request,
        fetchImpl,
        onClock,
      );
    },
    tally(from: number, to: number): Promise<Reply<HelpPointTally>> {
      const query = new URLSearchParams({
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        utcOffsetMinutes: String(-new Date(from).getTimezoneOffset()),
      });
      return call(
        enrollment,
        `${TALLY_PATH}?${query.toString()}`,
        { method: 'GET' },
        (body) => helpPointTallySchema.parse(body),
        fetchImpl,
        onClock,
      );
    },
  };
}

export type CollectorClient = ReturnType<typeof createCollectorClient>;
