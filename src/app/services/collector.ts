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

export function createCollectorService(storage: StorageService): CollectorService {
  const client = async (): Promise<CollectorClient | null> => {
    const enrollment = await (await storage.open()).outbox.readEnrollment();
    if (!enrollment) return null;
    const { createCollectorClient } = await import('../../sync/collector-client');
    return createCollectorClient(enrollment);
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
