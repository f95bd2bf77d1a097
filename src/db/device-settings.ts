/**
 * The device's own settings and kept copies, one part of the LocalData facade: the staff's
 * language, the PIN lockout, the sessions planned ahead, and the last good copy of each file
 * the help point serves. Each is one row of the `meta` table, and only this module knows
 * the rows' keys.
 *
 * Rows whose shape this module knows are checked here on every read, so a damaged row reads
 * as "none". The other rows are read back as `unknown`: their owners check them with their own
 * schema, because a copy on disk may be damaged or older than the app.
 */
import type { HjalppunktDatabase } from './database';
import { guardStorage } from './storage-health';
import { HELP_POINT_SETTINGS_KEY } from './storage-keys';
import { isLanguageCode, type LanguageCode } from '../protocol/vocabulary';

/** Wrong staff PINs so far, and until when the PIN is locked (epoch ms), across reloads. */
export interface StaffLockout {
  failures: number;
  lockedUntil: number | null;
}

/** The help point's files whose last good copy is kept, for when they are refused or unreachable. */
export type KeptCopy = 'kiosk-config' | 'local-catalogue' | 'local-lessons' | 'help-point-settings';

const KEPT_COPY_KEYS: Readonly<Record<KeptCopy, string>> = {
  'help-point-settings': HELP_POINT_SETTINGS_KEY,
  'kiosk-config': 'kioskConfig.lastGood',
  'local-catalogue': 'localCatalogue.lastGood',
  'local-lessons': 'localLessons.lastGood',
};
const STAFF_LANGUAGE_KEY = 'staff.language';
const STAFF_LOCKOUT_KEY = 'staffPin.lockout';
/** Exported for tests that damage the stored list on purpose. */
export const PLANNED_SESSIONS_KEY = 'courses.planned';

export interface DeviceSettings {
  /** The language the staff chose on this device, or null before they chose one. */
  staffLanguage(): Promise<LanguageCode | null>;
  setStaffLanguage(language: LanguageCode): Promise<void>;
  /** Null when no PIN was ever refused here (or the stored state is damaged). */
  staffLockout(): Promise<StaffLockout | null>;
  setStaffLockout(lockout: StaffLockout): Promise<void>;
  /** The sessions planned ahead, as stored: the courses' schema checks them. */
  plannedSessions(): Promise<unknown>;
  setPlannedSessions(plans: readonly unknown[]): Promise<void>;
  /** The last copy of this file that passed its checks, as stored: its loader checks it again. */
  lastGoodCopy(copy: KeptCopy): Promise<unknown>;
  saveLastGoodCopy(copy: KeptCopy, content: unknown): Promise<void>;
}

function isStaffLockout(value: unknown): value is StaffLockout {
  if (typeof value !== 'object' || value === null) return false;
  const { failures, lockedUntil } = value as Record<string, unknown>;
  return (
    Number.isInteger(failures) &&
    (failures as number) >= 0 &&
    (lockedUntil === null || Number.isFinite(lockedUntil))
  );
}

export function createDeviceSettings(db: HjalppunktDatabase): DeviceSettings {
  const read = async (key: string): Promise<unknown> =>
    (await guardStorage(() => db.meta.get(key)))?.value;
  const write = async (key: string, value: unknown): Promise<void> => {
    await guardStorage(() => db.meta.put({ key, value }), 'write');
  };

  return {
    async staffLanguage() {
      const stored = await read(STAFF_LANGUAGE_KEY);
      return isLanguageCode(stored) ? stored : null;
    },
    setStaffLanguage: (language) => write(STAFF_LANGUAGE_KEY, language),

    async staffLockout() {
      const stored = await read(STAFF_LOCKOUT_KEY);
      return isStaffLockout(stored)
        ? { failures: stored.failures, lockedUntil: stored.lockedUntil }
        : null;
    },
    setStaffLockout: (lockout) => write(STAFF_LOCKOUT_KEY, lockout),

    plannedSessions: () => read(PLANNED_SESSIONS_KEY),
    setPlannedSessions: (plans) => write(PLANNED_SESSIONS_KEY, plans),

    lastGoodCopy: (copy) => read(KEPT_COPY_KEYS[copy]),
    saveLastGoodCopy: (copy, content) => write(KEPT_COPY_KEYS[copy], content),
  };
}
