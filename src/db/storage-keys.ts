/**
 * The names that code outside Dexie needs too: the start-up read of the kept settings runs
 * before Dexie has loaded (src/app/services/startup-settings.ts), so these live apart from
 * the modules that import Dexie.
 */
export const DEFAULT_DATABASE_NAME = 'hjalppunkt';
export const ENROLLMENT_KEY = 'enrollment';
/** The collector's settings for this device's help point, last good version. */
export const HELP_POINT_SETTINGS_KEY = 'helpPointSettings.lastGood';
