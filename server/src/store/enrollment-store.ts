/**
 * One-time enrollment codes. The collector keeps only each code's hash; exchanging a code
 * marks it used and creates the device in one transaction, so a code makes one device at most.
 */
import type { DeviceRole } from './device-store';

export interface NewEnrollmentCode {
  codeHash: string;
  helpPointId: string;
  /** Used when the help point does not exist yet (default: its id); renames it otherwise. */
  helpPointName?: string;
  role: DeviceRole;
  collectorUrl: string;
  createdAt: Date;
  expiresAt: Date;
}

export type CodeExchange =
  | { outcome: 'enrolled'; helpPointId: string; role: DeviceRole; collectorUrl: string }
  | { outcome: 'used' | 'expired' | 'unknown' };

export interface EnrollmentStore {
  /** Upserts the help point and stores the code's hash, in one transaction. */
  createCode(code: NewEnrollmentCode): Promise<void>;
  /**
   * Marks the code used at `now` and creates the device at the code's help point with the
   * code's role, once; later calls get 'used'.
   */
  exchange(
    codeHash: string,
    now: Date,
    device: { id: string; tokenHash: string },
  ): Promise<CodeExchange>;
}
