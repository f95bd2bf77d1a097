/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in a data directory: the default store, so a
 * municipality can run the collector with nothing but Node. PGlite is single-process: two
 * processes opening the same directory would corrupt it, so a lock file next to the
 * directory makes the second one (say, the enroll CLI while the server runs) fail clearly.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriver, SqlRunner } from './sql-driver';

export const MEMORY_DATA_DIR = 'memory://';

export async function openPgliteDriver(dataDir: string): Promise<SqlDriver> {
  if (dataDir === MEMORY_DATA_DIR) return wrap(await PGlite.create(MEMORY_DATA_DIR), 'memory');
  const directory = resolve(dataDir);
  mkdirSync(dirname(directory), { recursive: true });
  const unlock = lockDataDir(`${directory}.lock`);
  try {
    return wrap(await PGlite.create(directory), directory, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

function wrap(db: PGlite, where: string, unlock = () => {}): SqlDriver {
  const runner = (target: Pick<PGlite, 'query' | 'exec'>): SqlRunner => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await target.query<T>(text, [...params])).rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
  });
  return {
    ...runner(db),
    description: `pglite:${where}`,
    transaction: (fn) => db.transaction((tx) => fn(runner(tx))),
    async close() {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}

/** Creates `<dir>.lock` holding our pid; a lock left by a dead process is taken over. */
function lockDataDir(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (isAlive(holder)) {
        throw new Error(
          `The collector database ${lockPath.slice(0, -5)} is in use by process ${holder}. ` +
            'Stop that process, or use the admin endpoint (POST /api/v1/admin/enrollments) instead.',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
