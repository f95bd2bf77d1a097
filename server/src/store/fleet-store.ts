/**
 * Fleet health (issue 13, part D): each device's name, last heartbeat and the settings
 * version it applied, and each help point's settings history. Heartbeats live here, beside
 * the devices, and never in `events`, so no count staff or the dashboard show can move.
 */
import type { HeartbeatData } from '../../../src/protocol/payloads';
import type { DeviceRole } from './device-store';

export interface FleetDevice {
  id: string;
  name: string | null;
  helpPointId: string;
  role: DeviceRole;
  createdAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
  heartbeat: HeartbeatData | null;
  /** The queue depth of the heartbeat before the last (for "a queue that grows"). */
  previousQueueDepth: number | null;
}

export interface SettingsVersionRecord {
  version: number;
  kind: 'settings' | 'pin';
  publishedBy: string | null;
  publishedAt: Date;
  rolledBackFrom: number | null;
  /** { config, localCatalogue, localLessons }, never the PIN. */
  settings: unknown;
}

export interface FleetStore {
  /** Stores a validated heartbeat as the device's latest and marks it seen at `at`. */
  recordHeartbeat(deviceId: string, heartbeat: HeartbeatData, at: Date): Promise<void>;
  /** The devices of these help points, oldest first. */
  listDevices(helpPointIds: readonly string[]): Promise<FleetDevice[]>;
  findDevice(deviceId: string): Promise<FleetDevice | null>;
  rename(deviceId: string, name: string): Promise<boolean>;
  /** The help point's versions, newest first. */
  versions(helpPointId: string): Promise<SettingsVersionRecord[]>;
  version(helpPointId: string, version: number): Promise<SettingsVersionRecord | null>;
}
