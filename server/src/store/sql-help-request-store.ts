/**
 * The HelpRequestStore in SQL, written once for both drivers. Times come in as parameters
 * (the collector's clock), never from now(), so the tests can move the clock and both
 * databases agree on it.
 */
import type { HelpRequest, HelpRequestStatus } from '../../../src/protocol/help-requests';
import type { LanguageCode } from '../../../src/protocol/vocabulary';
import type { HelpRequestCreation, HelpRequestStore } from './help-request-store';
import type { SqlDriver, SqlRunner } from './sql-driver';

interface HelpRequestRow {
  id: string;
  help_point_id: string;
  device_id: string;
  language: LanguageCode;
  errand_id: string | null;
  status: HelpRequestStatus;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, help_point_id, device_id, language, errand_id, status, created_at, updated_at';

/** Advisory-lock class for "one device's help requests"; the second key is the device. */
const DEVICE_LOCK_CLASS = 4_711_002;

function toHelpRequest(row: HelpRequestRow): HelpRequest {
  return {
    id: row.id,
    helpPointId: row.help_point_id,
    deviceId: row.device_id,
    language: row.language,
    errandId: row.errand_id,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The device's requests still open and created after since. */
async function countOpen(runner: SqlRunner, deviceId: string, since: Date): Promise<number> {
  const [row] = await runner.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM help_requests
     WHERE device_id = $1::uuid AND status = 'open' AND created_at > $2::timestamptz`,
    [deviceId, since.toISOString()],
  );
  return row?.n ?? 0;
}

export function createSqlHelpRequestStore(driver: SqlDriver): HelpRequestStore {
  const deleteCreatedBefore = async (before: Date): Promise<number> => {
    const [row] = await driver.query<{ n: number }>(
      `WITH deleted AS (DELETE FROM help_requests WHERE created_at < $1::timestamptz RETURNING 1)
       SELECT count(*)::integer AS n FROM deleted`,
      [before.toISOString()],
    );
    return row?.n ?? 0;
  };
  return {
    deleteCreatedBefore,

    async create(request, options) {
      // Retention, outside the device's transaction so that it holds its lock briefly. The
      // collector's timer also runs it, so requests go even when no new one arrives.
      await deleteCreatedBefore(options.deleteBefore);
      return driver.transaction(async (tx): Promise<HelpRequestCreation> => {
        // One device at a time: two of its POSTs at once cannot both pass the limit.
        await tx.query('SELECT pg_advisory_xact_lock($1::integer, hashtext($2::text))', [
          DEVICE_LOCK_CLASS,
          request.deviceId,
        ]);
        const owned = (row: HelpRequestRow) =>
          row.device_id === request.deviceId && row.help_point_id === request.helpPointId;
        const [stored] = await tx.query<HelpRequestRow>(
          `SELECT ${COLUMNS} FROM help_requests WHERE id = $1::uuid`,
          [request.id],
        );
        if (stored) {
          return owned(stored)
            ? { outcome: 'existing', request: toHelpRequest(stored) }
            : { outcome: 'conflict' };
        }
        if ((await countOpen(tx, request.deviceId, options.openSince)) >= options.maxOpen) {
          return { outcome: 'limited' };
        }
        const now = options.now.toISOString();
        const [inserted] = await tx.query<HelpRequestRow>(
          `INSERT INTO help_requests (${COLUMNS})
           VALUES ($1::uuid, $2::text, $3::uuid, $4::text, $5::text, 'open',
                   $6::timestamptz, $6::timestamptz)
           ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
          [
            request.id,
            request.helpPointId,
            request.deviceId,
            request.language,
            request.errandId,
            now,
          ],
        );
        // No row: another device stored this id between the look-up and the insert.
        return inserted
          ? { outcome: 'created', request: toHelpRequest(inserted) }
          : { outcome: 'conflict' };
      });
    },

    async list(helpPointId, since) {
      const rows = await driver.query<HelpRequestRow>(
        `SELECT ${COLUMNS} FROM help_requests
         WHERE help_point_id = $1::text AND status IN ('open', 'accepted')
           AND created_at > $2::timestamptz
         ORDER BY created_at, id`,
        [helpPointId, since.toISOString()],
      );
      return rows.map(toHelpRequest);
    },

    async updateStatus(id, helpPointId, status, now) {
      // On the right-hand side, status is the old value: closed is final.
      const [row] = await driver.query<HelpRequestRow>(
        `UPDATE help_requests
         SET status = CASE WHEN status = 'closed' THEN 'closed' ELSE $3::text END,
             updated_at = CASE WHEN status = 'closed' OR status = $3::text
                               THEN updated_at ELSE $4::timestamptz END
         WHERE id = $1::uuid AND help_point_id = $2::text
         RETURNING ${COLUMNS}`,
        [id, helpPointId, status, now.toISOString()],
      );
      return row ? toHelpRequest(row) : null;
    },
  };
}
