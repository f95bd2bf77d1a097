/**
 * Fleet health (issue 13, part D), shared by the device, the collector and the dashboard:
 * where a device sends its heartbeat, the warnings the device list shows, and the shapes of
 * the dashboard's device and settings-version answers.
 */
import { z } from 'zod/mini';
import { displayTextSchema } from './display-text';
import { codeSchema } from './codes';
import { heartbeatDataSchema, type HeartbeatData } from './payloads';

/** POST: the heartbeat alone (heartbeatDataSchema), once per sync, never queued. 204. */
export const HEARTBEAT_PATH = '/api/v1/heartbeat';
export const heartbeatBodySchema = heartbeatDataSchema;

export const DEVICE_WARNINGS = [
  'not-seen',
  'queue-growing',
  'old-version',
  'settings-refused',
  'clock-wrong',
  'storage-not-persistent',
] as const;
export type DeviceWarning = (typeof DEVICE_WARNINGS)[number];

/** GET /admin/api/devices: one row per device. */
export interface FleetDeviceView {
  id: string;
  name: string | null;
  helpPointId: string;
  role: 'kiosk' | 'staff';
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  heartbeat: HeartbeatData | null;
  warnings: DeviceWarning[];
}

/** POST /admin/api/devices/:id/name */
export const deviceNameSchema = z.strictObject({ name: displayTextSchema(60) });

/** POST /admin/api/enrollments */
export const enrollmentRequestSchema = z.strictObject({
  helpPointId: codeSchema,
  role: z.enum(['kiosk', 'staff']),
});

/** POST /admin/api/help-points/:id/settings/rollback */
export const rollbackSchema = z.strictObject({ version: z.int().check(z.minimum(1)) });

/** PUT /admin/api/help-points/:id/pin: the PIN goes in and is never answered back. */
export const pinBodySchema = z.strictObject({ pin: z.string().check(z.maxLength(64)) });

/** One entry of GET /admin/api/help-points/:id/settings' version list. */
export interface SettingsVersionView {
  version: number;
  kind: 'settings' | 'pin';
  publishedBy: string | null;
  publishedAt: string;
  rolledBackFrom: number | null;
  /** The devices whose last heartbeat says they applied this version. */
  appliedBy: { id: string; name: string | null }[];
}

export interface HelpPointSettingsView {
  helpPointId: string;
  current: {
    version: number;
    config: unknown;
    localCatalogue: unknown;
    localLessons: unknown;
    pinSet: boolean;
  } | null;
  versions: SettingsVersionView[];
}
