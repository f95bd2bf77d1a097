/**
 * The device list's warnings, computed when the list is read (nothing to keep in step).
 * Staffed hours are the help point's own, in Europe/Stockholm local time.
 */
import type { DeviceWarning } from '../../../../src/protocol/fleet';
import type { FleetDevice } from '../../store/fleet-store';

export interface StaffedRow {
  days: string[];
  from: string;
  to: string;
}

/** More than this many seconds between the device's clock and the collector's is wrong. */
export const CLOCK_WRONG_SECONDS = 120;

const stockholm = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Is `at` inside one of the rows, on the Stockholm clock? */
export function withinStaffedHours(rows: readonly StaffedRow[], at: Date): boolean {
  const parts = Object.fromEntries(stockholm.formatToParts(at).map((p) => [p.type, p.value]));
  const day = String(parts.weekday).toLowerCase();
  const time = `${parts.hour}:${parts.minute}`;
  return rows.some((row) => row.days.includes(day) && row.from <= time && time < row.to);
}

/** Compares 1.2.3 and 1.2.3-rc.4 (a release candidate sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [main = '', rc] = v.split('-rc.');
    return [...main.split('.').map(Number), rc === undefined ? Infinity : Number(rc)];
  };
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 4; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d > 0 ? 1 : -1;
  }
  return 0;
}

export interface WarningContext {
  now: Date;
  staffedHours: readonly StaffedRow[];
  notSeenMinutes: number;
  currentAppVersion: string | null;
}

export function deviceWarnings(device: FleetDevice, context: WarningContext): DeviceWarning[] {
  if (device.revokedAt) return [];
  const warnings: DeviceWarning[] = [];
  const seen = device.lastSeenAt ?? device.createdAt;
  const silentMs = context.now.getTime() - seen.getTime();
  if (
    silentMs > context.notSeenMinutes * 60_000 &&
    withinStaffedHours(context.staffedHours, context.now)
  ) {
    warnings.push('not-seen');
  }
  const beat = device.heartbeat;
  if (!beat) return warnings;
  if (device.previousQueueDepth !== null && beat.queueDepth > device.previousQueueDepth) {
    warnings.push('queue-growing');
  }
  if (
    context.currentAppVersion &&
    compareVersions(beat.appVersion, context.currentAppVersion) < 0
  ) {
    warnings.push('old-version');
  }
  if (beat.settingsRefused && beat.settingsRefused.version > (beat.settingsVersion ?? 0)) {
    warnings.push('settings-refused');
  }
  if (
    typeof beat.clockSkewSeconds === 'number' &&
    Math.abs(beat.clockSkewSeconds) > CLOCK_WRONG_SECONDS
  ) {
    warnings.push('clock-wrong');
  }
  if (beat.storagePersisted === false) warnings.push('storage-not-persistent');
  return warnings;
}
