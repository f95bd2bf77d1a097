/** The EnrollmentStore in SQL, written once for both drivers. */
import type { DeviceRole } from './device-store';
import type { CodeExchange, EnrollmentStore } from './enrollment-store';
import type { SqlDriver } from './sql-driver';

export function createSqlEnrollmentStore(driver: SqlDriver): EnrollmentStore {
  return {
    async createCode(code) {
      await driver.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO help_points (id, name) VALUES ($1::text, COALESCE($2::text, $1::text))
           ON CONFLICT (id) DO UPDATE SET name = COALESCE($2::text, help_points.name)`,
          [code.helpPointId, code.helpPointName ?? null],
        );
        await tx.query(
          `INSERT INTO enrollment_codes
             (code_hash, help_point_id, role, collector_url, created_at, expires_at)
           VALUES ($1::text, $2::text, $3::text, $4::text, $5::timestamptz, $6::timestamptz)`,
          [
            code.codeHash,
            code.helpPointId,
            code.role,
            code.collectorUrl,
            code.createdAt.toISOString(),
            code.expiresAt.toISOString(),
          ],
        );
      });
    },

    exchange(codeHash, now, device) {
      return driver.transaction(async (tx): Promise<CodeExchange> => {
        // The row lock makes two exchanges of one code at once take turns: the second sees used_at.
        const [row] = await tx.query<{
          help_point_id: string;
          role: DeviceRole;
          collector_url: string;
          expires_at: Date;
          used_at: Date | null;
        }>(
          `SELECT help_point_id, role, collector_url, expires_at, used_at
           FROM enrollment_codes WHERE code_hash = $1::text FOR UPDATE`,
          [codeHash],
        );
        if (!row) return { outcome: 'unknown' };
        if (row.used_at !== null) return { outcome: 'used' };
        if (new Date(row.expires_at).getTime() <= now.getTime()) return { outcome: 'expired' };
        await tx.query(
          `INSERT INTO devices (id, help_point_id, role, token_hash)
           VALUES ($1::uuid, $2::text, $3::text, $4::text)`,
          [device.id, row.help_point_id, row.role, device.tokenHash],
        );
        await tx.query(
          `UPDATE enrollment_codes SET used_at = $2::timestamptz, device_id = $3::uuid
           WHERE code_hash = $1::text`,
          [codeHash, now.toISOString(), device.id],
        );
        return {
          outcome: 'enrolled',
          helpPointId: row.help_point_id,
          role: row.role,
          collectorUrl: row.collector_url,
        };
      });
    },
  };
}
