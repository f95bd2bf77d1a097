/**
 * The enrolled devices and the help points they belong to. A device is found by the hash of
 * its bearer token; the token itself is never stored.
 */
export type DeviceRole = 'kiosk' | 'staff';

export interface DeviceRecord {
  id: string;
  helpPointId: string;
  role: DeviceRole;
  revokedAt: Date | null;
}

export interface NewDevice {
  id: string;
  helpPointId: string;
  /** Used when the help point does not exist yet (default: its id); renames it otherwise. */
  helpPointName?: string;
  role: DeviceRole;
  tokenHash: string;
}

export interface DeviceStore {
  findByTokenHash(tokenHash: string): Promise<DeviceRecord | null>;
  /** Upserts the help point and inserts the device, in one transaction. */
  create(device: NewDevice): Promise<void>;
  /** Marks the device revoked (once); null when there is no such device. */
  revoke(deviceId: string): Promise<Date | null>;
}
