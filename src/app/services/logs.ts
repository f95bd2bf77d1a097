/** Anonymous logs: stored durably with the device's identity, then handed to sync. */
import type { LogDataOf, LogEventType } from '../../protocol/events';
import type { IdentityService } from './identity';
import type { StorageService } from './storage';
import type { SyncService } from './sync';

export interface LogService {
  /** Stores one log durably and lets sync know. Rejects if storage failed. */
  record<T extends LogEventType>(type: T, data: LogDataOf<T>): Promise<void>;
  /** The same, for screens that carry on either way: a failure is only written to the console. */
  recordInBackground<T extends LogEventType>(type: T, data: LogDataOf<T>): void;
}

export function createLogService(
  storage: StorageService,
  identity: IdentityService,
  sync: SyncService,
): LogService {
  const record: LogService['record'] = async (type, data) => {
    // LocalData reports a failure to the storage-health store, which the UI shows.
    await (await storage.open()).recordLog(type, data, await identity.current());
    sync.afterWrite();
  };
  return {
    record,
    recordInBackground(type, data) {
      record(type, data).catch((error: unknown) => console.error(`${type} log not stored`, error));
    },
  };
}
