/** The DeviceStore in SQL, written once for both drivers. */
import type { DeviceRecord, DeviceRole, DeviceStore, NewDevice } from './device-store';
import type { SqlDriver } from './sql-driver';

export function createSqlDeviceStore(driver: SqlDriver): DeviceStore {
  return {
    async findByTokenHash(tokenHash) {
      const [row] = await driver.query<{
        id: string;
        help_point_id: string;
        role: DeviceRole;
        revoked_at: Date | null;
      }>('SELECT id, help_point_id, role, revoked_at FROM devices WHERE token_hash = $1::text', [
        tokenHash,
      ]);
      if (!row) return null;
      const device: DeviceRecord = {
        id: row.id,
        helpPointId: row.help_point_id,
        role: row.role,
        revokedAt: row.revoked_at,
      };
      return device;
    },

    async create(device: NewDevice) {
      await driver.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO help_points (id, name) VALUES ($1::text, COALESCE($2::text, $1::text))
           ON CONFLICT (id) DO UPDATE SET name = COALESCE($2::text, help_points.name)`,
          [device.helpPointId, device.helpPointName ?? null],
        );
        await tx.query(
          `INSERT INTO devices (id, help_point_id, role, token_hash)
           VALUES ($1::uuid, $2::text, $3::text, $4::text)`,
          [device.id, device.helpPointId, device.role, device.tokenHash],
        );
      });
    },

    async revoke(deviceId) {
      const [row] = await driver.query<{ revoked_at: Date }>(
        `UPDATE devices SET revoked_at = COALESCE(revoked_at, now())
         WHERE id = $1::uuid RETURNING revoked_at`,
        [deviceId],
      );
      return row ? row.revoked_at : null;
    },
  };
}
