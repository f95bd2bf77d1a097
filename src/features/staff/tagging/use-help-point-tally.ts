/**
 * The whole help point's tally for today, as the collector has it (every staff device's
 * delivered records). Asked again after each change here; null while offline or not enrolled.
 */
import { useCallback } from 'react';
import type { HelpPointTally } from '../../../protocol/help-requests';
import { usePolling } from '../../../lib/use-polling';
import type { StaffServices } from '../staff-services';
import { dayBounds } from './today-records';

// Other staff devices tag too: ask again now and then, not only after our own changes.
const REFRESH_MS = 60_000;

export function useHelpPointTally(services: StaffServices, revision: number) {
  const askTally = useCallback(async (): Promise<HelpPointTally | null> => {
    const { start, end } = dayBounds(Date.now());
    const client = await services.helpRequests();
    if (!client) return null;
    const reply = await client.tally(start, end);
    if (reply.kind !== 'ok') throw new Error(`tally ${reply.kind}`);
    return reply.value;
  }, [services]);
  const polled = usePolling(askTally, { intervalMs: REFRESH_MS, refreshKey: revision });
  return polled.error ? null : (polled.data ?? null);
}
