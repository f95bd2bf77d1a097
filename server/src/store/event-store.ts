/**
 * Everything the collector asks of its database, as one small interface. Two drivers
 * (PGlite, postgres.js) sit underneath one implementation of it, so both stores run the
 * very same SQL and the tests can hold them to the same behaviour.
 */
import type { LogEvent } from '../../../src/protocol/events';

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

export interface EventFilter {
  helpPointId?: string;
  type?: string;
}

export interface HelpPointReport {
  helpPointId: string;
  name: string;
  devices: number;
  /** Events received, per type (every event, as delivered). */
  eventsByType: Record<string, number>;
  /** Questions helped with, weighted by data.count: the latest event of each record only. */
  questions: number;
  questionsByTopic: Record<string, number>;
}

export interface EventStore {
  readonly description: string;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  ping(): Promise<void>;
  findDeviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null>;
  /** Upserts the help point and inserts the device, in one transaction. */
  createDevice(device: NewDevice): Promise<void>;
  /** Marks the device revoked (once); null when there is no such device. */
  revokeDevice(deviceId: string): Promise<Date | null>;
  /**
   * Inserts the events in one multi-row statement, skipping ids already stored.
   * Returns the ids that were new.
   */
  insertEvents(events: LogEvent[], receivedAt: Date, fromDeviceId: string): Promise<Set<string>>;
  countEvents(filter?: EventFilter): Promise<number>;
  listEventIds(): Promise<string[]>;
  report(): Promise<HelpPointReport[]>;
  close(): Promise<void>;
}
