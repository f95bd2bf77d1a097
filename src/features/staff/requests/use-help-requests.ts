/**
 * Polls the collector for the help point's open help requests while staff mode is open, and
 * acts on them. Polling (every few seconds) works through every proxy and sleeps with the
 * tab; when the collector cannot be reached the list says so instead of going quiet.
 */
import { useCallback } from 'react';
import {
  HELP_REQUEST_POLL_MS,
  type HelpRequest,
  type HelpRequestAction,
} from '../../../protocol/help-requests';
import { usePolling, type Polled } from '../../../lib/use-polling';
import type { StaffServices } from '../staff-services';

export type RequestsState =
  | { kind: 'loading' }
  | { kind: 'not-enrolled' }
  | { kind: 'unreachable'; requests: HelpRequest[] }
  | { kind: 'refused'; message: string; requests: HelpRequest[] }
  | { kind: 'ok'; requests: HelpRequest[] };

/** The collector answered, but not with the list: polling retries, the screen says why. */
class ListNotGiven extends Error {
  constructor(readonly reply: { kind: 'unreachable' } | { kind: 'refused'; message: string }) {
    super(reply.kind === 'refused' ? reply.message : 'unreachable');
  }
}

type Listed = HelpRequest[] | 'not-enrolled';

function requestsState({ data, error }: Polled<Listed>): RequestsState {
  // The last list the collector gave, shown (stale) while it cannot give a new one.
  const requests = Array.isArray(data) ? data : [];
  if (error instanceof ListNotGiven && error.reply.kind === 'refused')
    return { kind: 'refused', message: error.reply.message, requests };
  if (error) return { kind: 'unreachable', requests };
  if (data === undefined) return { kind: 'loading' };
  if (data === 'not-enrolled') return { kind: 'not-enrolled' };
  return { kind: 'ok', requests: data };
}

export function useHelpRequests(services: StaffServices, pollMs = HELP_REQUEST_POLL_MS) {
  const list = useCallback(async (): Promise<Listed> => {
    const client = await services.helpRequests().catch(() => null);
    if (!client) return 'not-enrolled';
    const reply = await client.list();
    if (reply.kind !== 'ok') throw new ListNotGiven(reply);
    return reply.value;
  }, [services]);
  const polled = usePolling(list, { intervalMs: pollMs });
  const state = requestsState(polled);
  const { refresh } = polled;

  const act = useCallback(
    async (id: string, action: HelpRequestAction) => {
      const client = await services.helpRequests();
      const reply = client ? await client.act(id, action) : null;
      refresh();
      return reply?.kind === 'ok';
    },
    [services, refresh],
  );

  return { state, requests: 'requests' in state ? state.requests : [], act };
}
