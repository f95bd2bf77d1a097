/** The FleetStore in SQL, written once for both drivers. JSON goes in and out as text. */
import type { HeartbeatData } from '../../../src/protocol/payloads';
import type { DeviceRole } from './device-store';
import type { FleetDevice, FleetStore, SettingsVersionRecord } from './fleet-store';
import type { SqlDriver } from './sql-driver';

interface DeviceRow {
  id: string;
  name: string | null;
  help_point_id: string;
  role: DeviceRole;
  created_at: Date;
  revoked_at: Date | null;
  last_seen_at: Date | null;
  last_heartbeat: string | null;
  previous_queue_depth: number | null;
}

const DEVICE_COLUMNS = `id::text AS id, name, help_point_id, role, created_at, revoked_at,
  last_seen_at, last_heartbeat::text AS last_heartbeat, previous_queue_depth`;

const toDate = (value: Date | null) => (value === null ? null : new Date(value));

function toDevice(row: DeviceRow): FleetDevice {
  return {
    id: row.id,
    name: row.name,
    helpPointId: row.help_point_id,
    role: row.role,
    createdAt: new Date(row.created_at),
    revokedAt: toDate(row.revoked_at),
    lastSeenAt: toDate(row.last_seen_at),
    heartbeat:
      row.last_heartbeat === null ? null : (JSON.parse(row.last_heartbeat) as HeartbeatData),
    previousQueueDepth: row.previous_queue_depth,
  };
}

interface VersionRow {
  version: number;
  kind: 'settings' | 'pin';
  published_by: string | null;
  published_at: Date;
  rolled_back_from: number | null;
  settings: string;
}

function toVersion(row: VersionRow): SettingsVersionRecord {
  return {
    version: row.version,
    kind: row.kind,
    publishedBy: row.published_by,
    publishedAt: new Date(row.published_at),
    rolledBackFrom: row.rolled_back_from,
    settings: JSON.parse(row.settings),
  };
}

const VERSION_COLUMNS = `version, kind, published_by, published_at, rolled_back_from,
  settings::text AS settings`;

export function createSqlFleetStore(driver: SqlDriver): FleetStore {
  return {
    async recordHeartbeat(deviceId, heartbeat, at) {
      // The old queue depth moves to previous_queue_depth in the same statement.
      await driver.query(
        `UPDATE devices SET
           previous_queue_depth = (last_heartbeat->>'queueDepth')::integer,
           last_heartbeat = $2::text::jsonb,
           last_seen_at = $3::timestamptz,
           applied_settings_version = COALESCE($4::integer, applied_settings_version)
         WHERE id = $1::uuid`,
        [deviceId, JSON.stringify(heartbeat), at.toISOString(), heartbeat.settingsVersion ?? null],
      );
    },

    async listDevices(helpPointIds) {
      if (helpPointIds.length === 0) return [];
      const rows = await driver.query<DeviceRow>(
        `SELECT ${DEVICE_COLUMNS} FROM devices
         WHERE help_point_id = ANY($1::text[]) ORDER BY created_at, id`,
        [helpPointIds],
      );
      return rows.map(toDevice);
    },

    async findDevice(deviceId) {
      const [row] = await driver.query<DeviceRow>(
        `SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1::uuid`,
        [deviceId],
      );
      return row ? toDevice(row) : null;
    },

    async rename(deviceId, name) {
      const rows = await driver.query<{ id: string }>(
        `UPDATE devices SET name = $2::text WHERE id = $1::uuid RETURNING id::text AS id`,
        [deviceId, name],
      );
      return rows.length > 0;
    },

    async versions(helpPointId) {
      const rows = await driver.query<VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM settings_versions
         WHERE help_point_id = $1::text ORDER BY version DESC`,
        [helpPointId],
      );
      return rows.map(toVersion);
    },

    async version(helpPointId, version) {
      const [row] = await driver.query<VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM settings_versions
         WHERE help_point_id = $1::text AND version = $2::integer`,
        [helpPointId, version],
      );
      return row ? toVersion(row) : null;
    },
  };
}
