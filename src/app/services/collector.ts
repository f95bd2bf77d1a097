/**
 * The collector's live calls, for an enrolled device: the staff's help-request list and tally,
 * and a visitor's "ask the staff", relayed when the collector can be reached.
 */
import type { LanguageCode } from '../../protocol/vocabulary';
import type { CollectorClient } from '../../sync/collector-client';
import type { StorageService } from './storage';

export interface CollectorService {
  /** Null before enrollment. */
  client(): Promise<CollectorClient | null>;
  askStaff(request: {
    errandId: string | null;
    language: LanguageCode;
  }): Promise<'relayed' | 'not-relayed'>;
}

/** A new clock reading is written down only when it moved this much (staff tablets poll often). */
const CLOCK_WRITE_STEP_MS = 30_000;

export function createCollectorService(storage: StorageService): CollectorService {
  let writtenSkewMs: number | null = null;
  const client = async (): Promise<CollectorClient | null> => {
    const data = await storage.open();
    const enrollment = await data.outbox.readEnrollment();
    if (!enrollment) return null;
    const { createCollectorClient } = await import('../../sync/collector-client');
    // Every answer tells the device the collector's time, as the drain's answers do.
    return createCollectorClient(enrollment, fetch, (serverDate, deviceNow) => {
      const clockSkewMs = serverDate - deviceNow;
      if (writtenSkewMs !== null && Math.abs(clockSkewMs - writtenSkewMs) < CLOCK_WRITE_STEP_MS)
        return;
      writtenSkewMs = clockSkewMs;
      void data.outbox
        .updateSyncStatus({ clockSkewMs, clockCheckedAt: deviceNow })
        .catch(() => undefined);
    });
  };
  return {
    client,
    async askStaff({ errandId, language }) {
      const connected = await client().catch(() => null);
      if (!connected || !navigator.onLine) return 'not-relayed';
      const { v7 } = await import('uuid');
      const reply = await connected.requestHelp({ id: v7(), errandId, language });
      if (reply.kind === 'refused') console.error(`help request refused: ${reply.message}`);
      return reply.kind === 'ok' ? 'relayed' : 'not-relayed';
    },
  };
}
