/**
 * A tiny migrator: applies server/migrations/NNN_name.sql in name order, once each, and
 * records them in schema_migrations. Everything runs in one transaction behind an advisory
 * lock, so two collectors starting at once against the same database do not race, and a
 * failing migration leaves nothing half-applied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlDriver } from './sql-driver';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;
/** Any fixed number works; it only has to be the same in every collector process. */
const MIGRATION_LOCK_KEY = 4_711_001;

export interface Migration {
  name: string;
  sql: string;
}

export function readMigrations(directory = MIGRATIONS_DIR): Migration[] {
  return readdirSync(directory)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${directory}/${name}`, 'utf8') }));
}

/** Returns the names of the migrations applied by this call (empty when up to date). */
export async function migrate(
  driver: SqlDriver,
  migrations: Migration[] = readMigrations(),
): Promise<string[]> {
  return driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         name text PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      applied.push(migration.name);
    }
    return applied;
  });
}
