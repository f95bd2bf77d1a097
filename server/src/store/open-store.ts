/** Picks the store the way the collector is configured: DATABASE_URL wins over a data dir. */
import { createSqlCollectorStore, type CollectorStore } from './collector-store';
import { openPgliteDriver } from './pglite-driver';
import { openPostgresDriver } from './postgres-driver';

export const DEFAULT_DATA_DIR = '.data/collector';

export interface StoreOptions {
  /** A PostgreSQL URL (postgres.js); extra query parameters such as search_path are passed on. */
  databaseUrl?: string;
  /** PGlite data directory, or 'memory://'. Ignored when databaseUrl is set. */
  dataDir?: string;
}

/** Opens the store and brings its schema up to date. */
export async function openStore(options: StoreOptions = {}): Promise<CollectorStore> {
  const driver = options.databaseUrl
    ? openPostgresDriver(options.databaseUrl)
    : await openPgliteDriver(options.dataDir ?? DEFAULT_DATA_DIR);
  const store = createSqlCollectorStore(driver);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return store;
}
