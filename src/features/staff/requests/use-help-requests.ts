/**
 * Polls the collector for the help point's open help requests while staff mode is open, and
 * acts on them. Polling (every few seconds) works through every proxy and sleeps with the
 * tab; when the collector cannot be reached the list says so instead of going quiet.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  HELP_REQUEST_POLL_MS,
  type HelpRequest,
  type HelpRequestAction,
} from '../../../protocol/help-requests';
import type { StaffServices } from '../staff-services';

export type RequestsState =
  | { kind: 'loading' }
  | { kind: 'not-enrolled' }
  | { kind: 'unreachable'; requests: HelpRequest[] }
  | { kind: 'refused'; message: string; requests: HelpRequest[] }
  | { kind: 'ok'; requests: HelpRequest[] };

function requestsOf(state: RequestsState): HelpRequest[] {
  return 'requests' in state ? state.requests : [];
}

export function useHelpRequests(services: StaffServices, pollMs = HELP_REQUEST_POLL_MS) {
  const [state, setState] = useState<RequestsState>({ kind: 'loading' });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      const client = await services.helpRequests().catch(() => null);
      if (cancelled) return;
      if (!client) {
        setState({ kind: 'not-enrolled' });
        return;
      }
      const reply = await client.list();
      if (cancelled) return;
      setState((previous) => {
        if (reply.kind === 'ok') return { kind: 'ok', requests: reply.value };
        if (reply.kind === 'unreachable')
          return { kind: 'unreachable', requests: requestsOf(previous) };
        return { kind: 'refused', message: reply.message, requests: requestsOf(previous) };
      });
    };
    void poll();
    const timer = window.setInterval(() => void poll(), pollMs);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [services, pollMs, tick]);

  const act = useCallback(
    async (id: string, action: HelpRequestAction) => {
      const client = await services.helpRequests();
      const reply = client ? await client.act(id, action) : null;
      setTick((value) => value + 1);
      return reply?.kind === 'ok';
    },
    [services],
  );

  return { state, requests: requestsOf(state), act };
}
