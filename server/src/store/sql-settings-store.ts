/** The SettingsStore in SQL, written once for both drivers. JSON goes in and out as text. */
import type { PinHash } from '../../../src/lib/pin-hash';
import type { Publication, SettingsBody, SettingsStore } from './settings-store';
import type { SqlDriver, SqlRunner } from './sql-driver';

/** Keeps every version in settings_versions (009), in the transaction that made it. */
async function recordVersion(
  tx: SqlRunner,
  helpPointId: string,
  version: number,
  kind: 'settings' | 'pin',
  publication: Publication | undefined,
): Promise<void> {
  await tx.query(
    `INSERT INTO settings_versions
       (help_point_id, version, settings, kind, published_by, rolled_back_from)
     SELECT help_point_id, version, settings, $3::text, $4::text, $5::integer
     FROM help_point_settings WHERE help_point_id = $1::text AND version = $2::integer`,
    [
      helpPointId,
      version,
      kind,
      publication?.publishedBy ?? null,
      publication?.rolledBackFrom ?? null,
    ],
  );
}

interface SettingsRow {
  help_point_id: string;
  version: number;
  settings: string;
  staff_pin: string | null;
  updated_at: Date;
}

/** The ids a local content file declares (`errands[].id`, `lessons[].id`); [] for none. */
function idsOf(content: unknown, list: 'errands' | 'lessons'): string[] {
  if (typeof content !== 'object' || content === null) return [];
  const entries = (content as Record<string, unknown>)[list];
  if (!Array.isArray(entries)) return [];
  return entries
    .map((entry: unknown) =>
      typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined,
    )
    .filter((id): id is string => typeof id === 'string');
}

export function createSqlSettingsStore(driver: SqlDriver): SettingsStore {
  const get = async (helpPointId: string) => {
    const [row] = await driver.query<SettingsRow>(
      `SELECT help_point_id, version, settings::text AS settings, staff_pin::text AS staff_pin,
              updated_at
       FROM help_point_settings WHERE help_point_id = $1::text`,
      [helpPointId],
    );
    if (!row) return null;
    return {
      helpPointId: row.help_point_id,
      version: row.version,
      settings: JSON.parse(row.settings) as SettingsBody,
      staffPin: row.staff_pin === null ? null : (JSON.parse(row.staff_pin) as PinHash),
      updatedAt: new Date(row.updated_at),
    };
  };

  return {
    get,

    put(helpPointId, name, settings, publication) {
      return driver.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO help_points (id, name) VALUES ($1::text, $2::text)
           ON CONFLICT (id) DO UPDATE SET name = $2::text`,
          [helpPointId, name],
        );
        const [row] = await tx.query<{ version: number }>(
          `INSERT INTO help_point_settings (help_point_id, version, settings)
           VALUES ($1::text, 1, $2::text::jsonb)
           ON CONFLICT (help_point_id) DO UPDATE
             SET version = help_point_settings.version + 1, settings = $2::text::jsonb,
                 updated_at = now()
           RETURNING version`,
          [helpPointId, JSON.stringify(settings)],
        );
        if (!row) throw new Error('settings were not stored');
        await recordVersion(tx, helpPointId, row.version, 'settings', publication);
        return row.version;
      });
    },

    setStaffPin(helpPointId, staffPin, publication) {
      return driver.transaction(async (tx) => {
        const [row] = await tx.query<{ version: number }>(
          `UPDATE help_point_settings
           SET version = version + 1, staff_pin = $2::text::jsonb, updated_at = now()
           WHERE help_point_id = $1::text RETURNING version`,
          [helpPointId, JSON.stringify(staffPin)],
        );
        if (!row) return null;
        await recordVersion(tx, helpPointId, row.version, 'pin', publication);
        return row.version;
      });
    },

    async recordRefusal(deviceId, helpPointId, refusal) {
      await driver.query(
        `INSERT INTO settings_refusals (device_id, help_point_id, version, reason)
         VALUES ($1::uuid, $2::text, $3::integer, $4::text)
         ON CONFLICT (device_id) DO UPDATE
           SET help_point_id = $2::text, version = $3::integer, reason = $4::text,
               refused_at = now()`,
        [deviceId, helpPointId, refusal.version, refusal.reason],
      );
    },

    async refusals(helpPointId) {
      const rows = await driver.query<{
        device_id: string;
        version: number;
        reason: string;
        refused_at: Date;
      }>(
        `SELECT device_id, version, reason, refused_at FROM settings_refusals
         WHERE help_point_id = $1::text ORDER BY refused_at DESC, device_id`,
        [helpPointId],
      );
      return rows.map((row) => ({
        deviceId: row.device_id,
        version: row.version,
        reason: row.reason,
        refusedAt: new Date(row.refused_at),
      }));
    },

    async localCodes(helpPointId) {
      const stored = await get(helpPointId);
      return {
        errands: idsOf(stored?.settings.localCatalogue, 'errands'),
        lessons: idsOf(stored?.settings.localLessons, 'lessons'),
      };
    },
  };
}
