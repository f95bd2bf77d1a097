/**
 * A PostgreSQL server through postgres.js, used when DATABASE_URL is set. Extra URL query
 * parameters become connection settings, so `?search_path=hp_test_x` isolates a test run
 * in its own schema.
 */
import postgres from 'postgres';
import type { SqlDriver, SqlRunner } from './sql-driver';

type Client = postgres.Sql | postgres.TransactionSql;

export function openPostgresDriver(databaseUrl: string): SqlDriver {
  const sql = postgres(databaseUrl, {
    max: 10,
    // "relation already exists, skipping" and friends are not worth a console line.
    onnotice: () => {},
    connect_timeout: 10,
  });
  const runner = (client: Client): SqlRunner => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      const rows = await client.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return [...rows] as T[];
    },
    async exec(text: string) {
      await client.unsafe(text).simple();
    },
  });
  const url = new URL(databaseUrl);
  return {
    ...runner(sql),
    description: `postgres:${url.host}${url.pathname}`,
    transaction: async <T>(fn: (tx: SqlRunner) => Promise<T>) =>
      (await sql.begin((tx) => fn(runner(tx)))) as T,
    close: () => sql.end({ timeout: 5 }),
  };
}
