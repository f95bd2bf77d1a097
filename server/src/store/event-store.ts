/**
 * Everything the collector asks of its database, as one small interface. Two drivers
 * (PGlite, postgres.js) sit underneath one implementation of it, so both stores run the
 * very same SQL and the tests can hold them to the same behaviour.
 */
import type { LogEvent } from '../../../src/protocol/events';
import type {
  HelpPointTally,
  HelpRequest,
  HelpRequestCreate,
  HelpRequestStatus,
} from '../../../src/protocol/help-requests';

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

/** A kiosk's request as the collector stores it: the body plus who asked, from the token. */
export interface NewHelpRequest extends HelpRequestCreate {
  helpPointId: string;
  deviceId: string;
}

export interface HelpRequestCreateOptions {
  /** The collector's clock: created_at and updated_at of a new request. */
  now: Date;
  /** Open requests of the device created after this count against maxOpen. */
  openSince: Date;
  maxOpen: number;
  /** Retention: requests created before this are deleted first. */
  deleteBefore: Date;
}

export type HelpRequestCreation =
  /** created: stored now; existing: this device already stored this id (a retry). */
  | { outcome: 'created' | 'existing'; request: HelpRequest }
  /** conflict: the id belongs to another device; limited: the device has maxOpen open. */
  | { outcome: 'conflict' | 'limited' };

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
  /**
   * Deletes requests older than deleteBefore, then stores the request unless the device is
   * over its limit. Idempotent on id; an id of another device is never shown or overwritten.
   */
  createHelpRequest(
    request: NewHelpRequest,
    options: HelpRequestCreateOptions,
  ): Promise<HelpRequestCreation>;
  /** The device's requests still open and created after since. */
  countOpenHelpRequests(deviceId: string, since: Date): Promise<number>;
  /** The help point's open and accepted requests created after since, oldest first. */
  listHelpRequests(helpPointId: string, since: Date): Promise<HelpRequest[]>;
  /**
   * Sets the status of a request of this help point (closed stays closed); null when the help
   * point has no such request. updated_at changes only when the status does.
   */
  updateHelpRequestStatus(
    id: string,
    helpPointId: string,
    status: Exclude<HelpRequestStatus, 'open'>,
    now: Date,
  ): Promise<HelpRequest | null>;
  /** Questions with helpedAt in [from, to), counted like report(); hours at the UTC offset. */
  helpPointTally(
    helpPointId: string,
    from: Date,
    to: Date,
    utcOffsetMinutes: number,
  ): Promise<HelpPointTally>;
  close(): Promise<void>;
}
