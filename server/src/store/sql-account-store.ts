/** The AccountStore in SQL, written once for both drivers. Times come in as parameters. */
import type { Account, AccountRole, AccountStore, HelpPointSummary } from './account-store';
import type { SqlDriver, SqlRunner } from './sql-driver';

interface AccountRow {
  id: string;
  email: string;
  role: AccountRole;
  municipality_code: string;
  help_point_ids: string[] | null;
}

/** The account's columns plus its help points as an array (ordered, for stable answers). */
const ACCOUNT_SELECT = `
  SELECT a.id, a.email, a.role, a.municipality_code,
    ARRAY(SELECT ahp.help_point_id FROM account_help_points ahp
          WHERE ahp.account_id = a.id ORDER BY ahp.help_point_id) AS help_point_ids
  FROM accounts a`;

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    municipalityCode: row.municipality_code,
    helpPointIds: row.help_point_ids ?? [],
  };
}

async function findAccount(runner: SqlRunner, id: string): Promise<Account | null> {
  const [row] = await runner.query<AccountRow>(`${ACCOUNT_SELECT} WHERE a.id = $1::uuid`, [id]);
  return row ? toAccount(row) : null;
}

export function createSqlAccountStore(driver: SqlDriver): AccountStore {
  return {
    async putMunicipality({ code, name }) {
      await driver.query(
        `INSERT INTO municipalities (code, name) VALUES ($1::text, $2::text)
         ON CONFLICT (code) DO UPDATE SET name = $2::text`,
        [code, name],
      );
    },

    async municipality(code) {
      const [row] = await driver.query<{ code: string; name: string }>(
        'SELECT code, name FROM municipalities WHERE code = $1::text',
        [code],
      );
      return row ?? null;
    },

    async setHelpPointMunicipality(helpPointId, municipalityCode) {
      const rows = await driver.query(
        'UPDATE help_points SET municipality_code = $2::text WHERE id = $1::text RETURNING id',
        [helpPointId, municipalityCode],
      );
      return rows.length > 0;
    },

    async helpPoints(municipalityCode) {
      const rows = await driver.query<{ id: string; name: string; municipality_code: string }>(
        `SELECT id, name, municipality_code FROM help_points
         WHERE municipality_code = $1::text ORDER BY name, id`,
        [municipalityCode],
      );
      return rows.map((row): HelpPointSummary => ({
        id: row.id,
        name: row.name,
        municipalityCode: row.municipality_code,
      }));
    },

    async helpPoint(id) {
      const [row] = await driver.query<{
        id: string;
        name: string;
        municipality_code: string | null;
      }>('SELECT id, name, municipality_code FROM help_points WHERE id = $1::text', [id]);
      return row ? { id: row.id, name: row.name, municipalityCode: row.municipality_code } : null;
    },

    createAccount(account) {
      return driver.transaction(async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO accounts (id, email, password_hash, role, municipality_code, created_at)
           VALUES ($1::uuid, $2::text, $3::text, $4::text, $5::text, $6::timestamptz)
           ON CONFLICT (email) DO NOTHING RETURNING id`,
          [
            account.id,
            account.email,
            account.passwordHash,
            account.role,
            account.municipalityCode,
            account.createdAt.toISOString(),
          ],
        );
        if (inserted.length === 0) return 'email-taken' as const;
        for (const helpPointId of account.helpPointIds) {
          await tx.query(
            `INSERT INTO account_help_points (account_id, help_point_id)
             VALUES ($1::uuid, $2::text) ON CONFLICT DO NOTHING`,
            [account.id, helpPointId],
          );
        }
        return 'created' as const;
      });
    },

    async findForLogin(email) {
      const [row] = await driver.query<AccountRow & { password_hash: string }>(
        `SELECT a.id, a.email, a.role, a.municipality_code, a.password_hash,
           ARRAY(SELECT ahp.help_point_id FROM account_help_points ahp
                 WHERE ahp.account_id = a.id ORDER BY ahp.help_point_id) AS help_point_ids
         FROM accounts a WHERE a.email = $1::text`,
        [email],
      );
      return row ? { ...toAccount(row), passwordHash: row.password_hash } : null;
    },

    async listAccounts(municipalityCode) {
      const rows = await driver.query<AccountRow>(
        `${ACCOUNT_SELECT} WHERE a.municipality_code = $1::text ORDER BY a.email`,
        [municipalityCode],
      );
      return rows.map(toAccount);
    },

    async deleteAccount(id, municipalityCode) {
      const rows = await driver.query(
        `DELETE FROM accounts WHERE id = $1::uuid AND municipality_code = $2::text RETURNING id`,
        [id, municipalityCode],
      );
      return rows.length > 0;
    },

    async createSession(idHash, accountId, now) {
      await driver.query(
        `INSERT INTO sessions (id_hash, account_id, created_at, last_seen_at)
         VALUES ($1::text, $2::uuid, $3::timestamptz, $3::timestamptz)`,
        [idHash, accountId, now.toISOString()],
      );
    },

    useSession(idHash, { now, idleMs, absoluteMs }) {
      return driver.transaction(async (tx) => {
        const [session] = await tx.query<{
          account_id: string;
          created_at: Date;
          last_seen_at: Date;
        }>(
          'SELECT account_id, created_at, last_seen_at FROM sessions WHERE id_hash = $1::text FOR UPDATE',
          [idHash],
        );
        if (!session) return null;
        const at = now.getTime();
        const expired =
          new Date(session.last_seen_at).getTime() + idleMs <= at ||
          new Date(session.created_at).getTime() + absoluteMs <= at;
        if (expired) {
          await tx.query('DELETE FROM sessions WHERE id_hash = $1::text', [idHash]);
          return null;
        }
        await tx.query(
          'UPDATE sessions SET last_seen_at = $2::timestamptz WHERE id_hash = $1::text',
          [idHash, now.toISOString()],
        );
        return findAccount(tx, session.account_id);
      });
    },

    async deleteExpiredSessions({ now, idleMs, absoluteMs }) {
      const rows = await driver.query(
        `DELETE FROM sessions
         WHERE last_seen_at <= $1::timestamptz OR created_at <= $2::timestamptz
         RETURNING id_hash`,
        [
          new Date(now.getTime() - idleMs).toISOString(),
          new Date(now.getTime() - absoluteMs).toISOString(),
        ],
      );
      return rows.length;
    },

    async deleteSession(idHash) {
      await driver.query('DELETE FROM sessions WHERE id_hash = $1::text', [idHash]);
    },
  };
}
