/** What the staff status view shows about sync and storage: shared by the page's sync wiring and the view. */
import type { DeadLetter } from '../db/database';
import type { SyncStatus } from '../db/outbox-store';
import type { Enrollment } from '../protocol/sync-api';

export interface DeviceStatusSnapshot {
  queueDepth: number;
  deadLetterCount: number;
  deadLetters: DeadLetter[];
  status: SyncStatus;
  enrollment: Enrollment | null;
  storage: { usage: number | null; quota: number | null; persisted: boolean | null };
  online: boolean;
}

export interface SyncProgress {
  running: boolean;
  acknowledged: number;
  remaining: number | null;
}
