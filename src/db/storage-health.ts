/**
 * A tiny observable of the device's storage health. Storage failures are recorded here
 * instead of being swallowed, and the UI subscribes to show them (to staff and, gently,
 * at the kiosk) while the visitor flow keeps working.
 */
export type StorageProblem = 'quota' | 'unavailable' | 'unknown';

export interface StorageHealth {
  problem: StorageProblem | null;
  /** Developer-facing detail for the staff status view; never shown to visitors. */
  detail: string | null;
  at: number | null;
}

type Listener = (health: StorageHealth) => void;

const HEALTHY: StorageHealth = { problem: null, detail: null, at: null };
let current: StorageHealth = HEALTHY;
const listeners = new Set<Listener>();

export function getStorageHealth(): StorageHealth {
  return current;
}

export function subscribeStorageHealth(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportStorageProblem(problem: StorageProblem, detail: string): void {
  current = { problem, detail, at: Date.now() };
  listeners.forEach((listener) => listener(current));
}

export function reportStorageHealthy(): void {
  if (current.problem === null) return;
  current = HEALTHY;
  listeners.forEach((listener) => listener(current));
}

/** Maps the many shapes of IndexedDB/Dexie failures onto what the UI can explain. */
export function classifyStorageError(error: unknown): StorageProblem {
  const names = collectErrorNames(error);
  if (names.some((name) => name === 'QuotaExceededError')) return 'quota';
  if (
    names.some((name) =>
      [
        'InvalidStateError',
        'UnknownError',
        'DatabaseClosedError',
        'MissingAPIError',
        'OpenFailedError',
      ].includes(name),
    )
  ) {
    return 'unavailable';
  }
  return 'unknown';
}

function collectErrorNames(error: unknown): string[] {
  const names: string[] = [];
  let cursor: unknown = error;
  for (let depth = 0; depth < 5 && cursor && typeof cursor === 'object'; depth += 1) {
    const candidate = cursor as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof candidate.name === 'string') names.push(candidate.name);
    cursor = candidate.inner ?? candidate.cause;
  }
  return names;
}

export class StorageWriteError extends Error {
  constructor(
    readonly problem: StorageProblem,
    cause: unknown,
  ) {
    super(`Storage operation failed (${problem})`, { cause });
    this.name = 'StorageWriteError';
  }
}

/**
 * Runs a storage operation; a failure is reported to the UI and rethrown as StorageWriteError.
 * Only a successful write clears a reported problem: a read can succeed on a full disk.
 */
export async function guardStorage<T>(
  operation: () => Promise<T>,
  kind: 'read' | 'write' = 'read',
): Promise<T> {
  try {
    const result = await operation();
    if (kind === 'write') reportStorageHealthy();
    return result;
  } catch (error) {
    const problem = classifyStorageError(error);
    reportStorageProblem(
      problem,
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    );
    throw new StorageWriteError(problem, error);
  }
}
