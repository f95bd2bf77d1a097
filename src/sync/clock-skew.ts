/**
 * Is this device's clock wrong? The drain compares it with the collector's Date header on
 * every answer. Times on logs come from the device's clock, so staff are told when the two
 * differ by more than five minutes (a kiosk with a dead clock battery, a wrong time zone).
 */
export const CLOCK_SKEW_LIMIT_MS = 5 * 60_000;

/** Minutes the device is behind (positive) or ahead (negative) of the collector, when too many. */
export function wrongClockMinutes(clockSkewMs: number | null): number | null {
  if (clockSkewMs === null || Math.abs(clockSkewMs) <= CLOCK_SKEW_LIMIT_MS) return null;
  return Math.round(clockSkewMs / 60_000);
}
