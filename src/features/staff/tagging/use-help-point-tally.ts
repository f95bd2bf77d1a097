/**
 * The whole help point's tally for today, as the collector has it (every staff device's
 * delivered records). Asked again after each change here; null while offline or not enrolled.
 */
import { useEffect, useState } from 'react';
import type { HelpPointTally } from '../../../protocol/help-requests';
import type { StaffServices } from '../staff-services';
import { dayBounds } from './today-records';

const REFRESH_MS = 60_000;

export function useHelpPointTally(services: StaffServices, revision: number) {
  const [tally, setTally] = useState<HelpPointTally | null>(null);
  useEffect(() => {
    let cancelled = false;
    const ask = () => {
      const { start, end } = dayBounds(Date.now());
      void services
        .helpRequests()
        .then((client) => client?.tally(start, end))
        .then((reply) => {
          if (!cancelled) setTally(reply?.kind === 'ok' ? reply.value : null);
        })
        .catch(() => undefined);
    };
    ask();
    // Other staff devices tag too: ask again now and then, not only after our own changes.
    const timer = window.setInterval(ask, REFRESH_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [services, revision]);
  return tally;
}
