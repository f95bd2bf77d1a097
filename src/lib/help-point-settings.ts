/**
 * The one check of a help point's settings document that the collector and the kiosk share:
 * the envelope, then the configuration with the kiosk's own schema. The local errands and
 * lessons are checked against the built-in content by each side's content loader.
 */
import { parseKioskConfig, type KioskConfig } from './kiosk-config';
import { describeIssues } from './schema-errors';
import { settingsDocumentSchema } from '../protocol/help-point-settings';

export interface HelpPointSettings {
  helpPointId: string;
  version: number;
  config: KioskConfig;
  localCatalogue: unknown;
  localLessons: unknown;
}

export type SettingsParse =
  { ok: true; settings: HelpPointSettings } | { ok: false; reason: string };

export function parseSettingsDocument(raw: unknown): SettingsParse {
  const envelope = settingsDocumentSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: describeIssues(envelope.error.issues) };
  const { helpPointId, version, localCatalogue, localLessons } = envelope.data;
  const config = parseKioskConfig(envelope.data.config);
  if (!config.ok) return { ok: false, reason: `config.${config.reason}` };
  if (config.config.helpPointId !== helpPointId) {
    return { ok: false, reason: `config.helpPointId: must be ${helpPointId}` };
  }
  return {
    ok: true,
    settings: { helpPointId, version, config: config.config, localCatalogue, localLessons },
  };
}
