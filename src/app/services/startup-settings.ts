/**
 * Before the first screen: the help point settings this device last accepted, and whether it
 * is enrolled, read straight from IndexedDB. Dexie loads only after the attract screen is
 * interactive (to keep the first load small), so this is a few lines of the bare API, and
 * it never creates the database: a kiosk that has none yet simply has no settings.
 */
import {
  DEFAULT_DATABASE_NAME,
  ENROLLMENT_KEY,
  HELP_POINT_SETTINGS_KEY,
} from '../../db/storage-keys';

export interface StartupState {
  /** The kept settings document, unchecked (the config service checks it). */
  settings: unknown;
  enrolled: boolean;
}

const NOTHING: StartupState = { settings: null, enrolled: false };

function read(store: IDBObjectStore, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = store.get(key);
    request.onsuccess = () => resolve((request.result as { value?: unknown } | undefined)?.value);
    request.onerror = () => reject(request.error);
  });
}

export async function readStartupState(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<StartupState> {
  if (!factory) return NOTHING;
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    const request = factory.open(DEFAULT_DATABASE_NAME);
    // No database yet: abort, so that Dexie later creates it with its own schema.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  if (!db) return NOTHING;
  try {
    if (!db.objectStoreNames.contains('meta')) return NOTHING;
    const meta = db.transaction('meta', 'readonly').objectStore('meta');
    const [kept, enrollment] = await Promise.all([
      read(meta, HELP_POINT_SETTINGS_KEY),
      read(meta, ENROLLMENT_KEY),
    ]);
    const settings =
      typeof kept === 'object' && kept !== null ? (kept as { document?: unknown }).document : null;
    return {
      settings: settings ?? null,
      enrolled: enrollment !== undefined && enrollment !== null,
    };
  } catch {
    return NOTHING;
  } finally {
    db.close();
  }
}
