/**
 * Which logs describe a visitor, and the minute rule they follow. A visitor's logs carry no
 * time finer than the minute anywhere (README, "Privacy"), so a log cannot be matched to the
 * second a person stood at the kiosk: not in `occurredAt`, and not in the id either, whose
 * UUIDv7 time field is cut to the minute. They also leave the device once acknowledged.
 */
import type { LogEventType } from './events';

export const VISITOR_EVENT_TYPES = [
  'visit',
  'errand-viewed',
  'lesson',
  'tech-tried',
  'feedback',
] as const satisfies readonly LogEventType[];

const VISITOR_TYPES: ReadonlySet<string> = new Set(VISITOR_EVENT_TYPES);

export function isVisitorEventType(type: string): boolean {
  return VISITOR_TYPES.has(type);
}

const MINUTE_MS = 60_000;

export function floorToMinute(epochMs: number): number {
  return Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
}

/** The 48-bit millisecond time field of a UUIDv7 (its first 12 hex digits). */
export function uuidV7Time(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
