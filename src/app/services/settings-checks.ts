/**
 * What fetching and checking the collector's settings needs at run time. settings.ts loads it
 * on its first refresh, behind the attract screen: the settings schemas bring zod, which the
 * first screen does not need.
 */
export { parseSettingsDocument } from '../../lib/help-point-settings';
export {
  SETTINGS_PATH,
  SETTINGS_REFUSALS_PATH,
  settingsEtag,
} from '../../protocol/help-point-settings';
export { noteSettingsRefused } from '../../sync/heartbeat';
