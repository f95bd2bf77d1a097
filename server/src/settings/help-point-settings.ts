/**
 * Setting a help point's settings and staff PIN: the CLI, startCollector() (npm start, the
 * tests) and any later admin route come here. The settings are checked with the kiosk's own
 * schemas (configuration, local catalogue, local lessons) before anything is stored, so a
 * device is never sent a version its own checks would refuse. The PIN is refused when weak,
 * and only its PBKDF2 verifier is kept.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod/mini';
import { catalogueFactsSchema } from '../../../src/features/anvanda/catalogue/catalogue-schema';
import { parseLocalCatalogue } from '../../../src/features/anvanda/catalogue/local-catalogue';
import { lessonsFactsSchema } from '../../../src/features/lara/lessons/lesson-schema';
import { parseLocalLessons } from '../../../src/features/lara/lessons/local-lessons';
import { parseKioskConfig } from '../../../src/lib/kiosk-config';
import { hashPin, PIN_ITERATIONS } from '../../../src/lib/pin-hash';
import { WEAK_PIN_MESSAGES, weakPinReason } from '../../../src/lib/pin-policy';
import { describeIssues } from '../../../src/lib/schema-errors';
import { codeSchema } from '../../../src/protocol/codes';
import type { Publication, SettingsBody, SettingsStore } from '../store/settings-store';

export class SettingsInputError extends Error {}

const readContent = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../content/${path}`, import.meta.url), 'utf8'));

// The built-in content the local files extend (their ids and numbers must not clash).
const builtInErrands = catalogueFactsSchema.parse(readContent('catalogue/errands.json'));
const builtInLessons = lessonsFactsSchema.parse(readContent('lessons/lessons.json'));

/** The file `collector:help-point -- set <id> --file settings.json` reads. */
const settingsFileSchema = z.strictObject({
  config: z.record(z.string(), z.unknown()),
  localCatalogue: z.optional(z.nullable(z.unknown())),
  localLessons: z.optional(z.nullable(z.unknown())),
});

/** Throws SettingsInputError saying which field is wrong; returns what to store. */
export function validateSettings(helpPointId: string, raw: unknown): SettingsBody {
  if (!codeSchema.safeParse(helpPointId).success) {
    throw new SettingsInputError('the help point id must be a code (a-z, 0-9 and -)');
  }
  const file = settingsFileSchema.safeParse(raw);
  if (!file.success) {
    const [issue] = file.error.issues;
    if (issue?.code === 'unrecognized_keys') {
      throw new SettingsInputError(`unexpected field ${issue.keys.join(', ')}`);
    }
    throw new SettingsInputError(
      `expected { config, localCatalogue?, localLessons? }: ${describeIssues(file.error.issues)}`,
    );
  }
  const { config: rawConfig, localCatalogue = null, localLessons = null } = file.data;
  if ('staffPin' in rawConfig) {
    throw new SettingsInputError(
      'config.staffPin: the PIN is set on its own, with `collector:help-point -- pin <id>`',
    );
  }
  const config = parseKioskConfig(rawConfig);
  if (!config.ok) throw new SettingsInputError(`config.${config.reason}`);
  if (config.config.helpPointId !== helpPointId) {
    throw new SettingsInputError(`config.helpPointId: must be ${helpPointId}`);
  }
  if (localCatalogue !== null) {
    const parsed = parseLocalCatalogue(localCatalogue, builtInErrands);
    if (!parsed.ok) throw new SettingsInputError(`localCatalogue: ${parsed.reason}`);
  }
  if (localLessons !== null) {
    const parsed = parseLocalLessons(localLessons, builtInLessons);
    if (!parsed.ok) throw new SettingsInputError(`localLessons: ${parsed.reason}`);
  }
  return { config: config.config, localCatalogue, localLessons };
}

export async function putHelpPointSettings(
  settings: SettingsStore,
  helpPointId: string,
  raw: unknown,
  publication?: Publication,
): Promise<number> {
  const body = validateSettings(helpPointId, raw);
  return settings.put(helpPointId, String(body.config.helpPointName), body, publication);
}

/** Refuses a weak PIN (SettingsInputError), stores its verifier; returns the new version. */
export async function setHelpPointPin(
  settings: SettingsStore,
  helpPointId: string,
  pin: string,
  iterations = PIN_ITERATIONS,
  publication?: Publication,
): Promise<number> {
  const weak = weakPinReason(pin);
  if (weak) throw new SettingsInputError(WEAK_PIN_MESSAGES[weak]);
  const version = await settings.setStaffPin(
    helpPointId,
    await hashPin(pin, iterations),
    publication,
  );
  if (version === null) {
    throw new SettingsInputError(
      `help point ${helpPointId} has no settings yet: set them first (collector:help-point -- set)`,
    );
  }
  return version;
}
