/**
 * A help point's settings as the collector serves them to its enrolled devices
 * (GET /api/v1/settings, with an ETag), and the refusal a device reports when a version does
 * not pass its own checks. The config and the local content inside are checked with the
 * kiosk's own schemas (src/lib/help-point-settings.ts), on the collector and on the device.
 */
import { z } from 'zod/mini';
import { codeSchema } from './codes';
import { displayTextSchema } from './display-text';

export const SETTINGS_PATH = '/api/v1/settings';
export const SETTINGS_REFUSALS_PATH = '/api/v1/settings/refusals';

/** What GET /api/v1/settings answers: one version of everything the help point sets. */
export const settingsDocumentSchema = z.strictObject({
  helpPointId: codeSchema,
  /** Goes up by one with every change (settings or PIN); the ETag is `"v<version>"`. */
  version: z.int().check(z.minimum(1)),
  /** The kiosk configuration, with the staff PIN verifier when a PIN is set. */
  config: z.unknown(),
  /** The help point's own errands (docs/catalogue.md), or null. */
  localCatalogue: z.nullable(z.unknown()),
  /** The help point's own lessons (docs/lessons.md), or null. */
  localLessons: z.nullable(z.unknown()),
});
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;

export function settingsEtag(version: number): string {
  return `"v${version}"`;
}

/** POST /api/v1/settings/refusals: the device refused this version, and why. */
export const settingsRefusalSchema = z.strictObject({
  version: z.int().check(z.minimum(1)),
  reason: displayTextSchema(500),
});
export type SettingsRefusal = z.infer<typeof settingsRefusalSchema>;
