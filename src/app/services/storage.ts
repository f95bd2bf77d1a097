/**
 * The device's storage, opened on first use. Dexie and the LocalData facade load as their own
 * chunk, after the attract screen is interactive, so the first screen never waits for them.
 */
import type { LocalData } from '../../db/local-data';
import { reportStorageProblem } from '../../db/storage-health';

export interface StorageService {
  /** This page's one LocalData; rejects (and tells the storage-health store) if it cannot open. */
  open(): Promise<LocalData>;
}

export function createStorageService(): StorageService {
  let opened: Promise<LocalData> | null = null;
  return {
    open() {
      opened ??= import('../../db/local-data').then((module) => module.createLocalData());
      opened.catch((error: unknown) => reportStorageProblem('unavailable', String(error)));
      return opened;
    },
  };
}
