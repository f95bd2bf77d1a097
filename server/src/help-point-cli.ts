/**
 * `npm run collector:help-point -- set <id> --file settings.json` stores a help point's
 * settings (checked with the kiosk's own schemas); `... pin <id>` reads the staff PIN from
 * standard input (never from the command line, which shells keep in their history and other
 * users see in the process list) and stores its verifier; `... show <id>` prints the version
 * and the devices' refusals. Same database as the server (DATABASE_URL, else
 * COLLECTOR_DATA_DIR).
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  putHelpPointSettings,
  SettingsInputError,
  setHelpPointPin,
} from './settings/help-point-settings';
import { AccountInputError, setHelpPointMunicipality } from './dashboard/admin-accounts';
import { readSecretFromStdin } from './read-secret';
import { DEFAULT_DATA_DIR, openStore } from './store/open-store';
import type { CollectorStore } from './store/collector-store';

export interface HelpPointCliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Standard input, whole (the PIN, one line). */
  readStdin: () => Promise<string>;
}

const USAGE = `Usage:
  collector:help-point set <help-point-id> --file <settings.json>
  collector:help-point set <help-point-id> --municipality <SCB code, e.g. 0880>
  collector:help-point pin <help-point-id>      (reads the PIN from standard input)
  collector:help-point show <help-point-id>

settings.json: { "config": {…kiosk-config…}, "localCatalogue"?: {…}, "localLessons"?: {…} }
Environment: DATABASE_URL, or COLLECTOR_DATA_DIR (default ${DEFAULT_DATA_DIR}).`;

async function withStore<T>(
  env: HelpPointCliIo['env'],
  run: (store: CollectorStore) => Promise<T>,
): Promise<T> {
  const store = await openStore(
    env.DATABASE_URL
      ? { databaseUrl: env.DATABASE_URL }
      : { dataDir: env.COLLECTOR_DATA_DIR || DEFAULT_DATA_DIR },
  );
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new SettingsInputError(`cannot read ${path} as JSON (${(error as Error).message})`);
  }
}

export async function runHelpPointCli(argv: string[], io: HelpPointCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { file: { type: 'string' }, municipality: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, helpPointId, ...extra] = parsed.positionals;
  const { file, municipality } = parsed.values;
  const setting = file !== undefined || municipality !== undefined;
  if (!helpPointId || extra.length > 0 || (command === 'set') !== setting) {
    io.err(USAGE);
    return 2;
  }
  try {
    if (command === 'set') {
      const raw = file === undefined ? undefined : await readJsonFile(file);
      await withStore(io.env, async (store) => {
        if (raw !== undefined) {
          const version = await putHelpPointSettings(store.settings, helpPointId, raw);
          io.out(`Help point ${helpPointId}: settings stored as version ${version}.`);
        }
        if (municipality !== undefined) {
          await setHelpPointMunicipality(store, helpPointId, municipality);
          const { name } = (await store.accounts.municipality(municipality)) ?? { name: '' };
          io.out(`Help point ${helpPointId}: belongs to ${name} (${municipality}).`);
        }
      });
      return 0;
    }
    if (command === 'pin') {
      // The first line only; the PIN is never echoed, logged or kept.
      const pin = (await io.readStdin()).split(/\r?\n/)[0]?.trim() ?? '';
      const version = await withStore(io.env, (store) =>
        setHelpPointPin(store.settings, helpPointId, pin),
      );
      io.out(`Help point ${helpPointId}: staff PIN set (settings version ${version}).`);
      return 0;
    }
    if (command === 'show') {
      return await withStore(io.env, async (store) => {
        const stored = await store.settings.get(helpPointId);
        if (!stored) {
          io.err(`Help point ${helpPointId} has no settings.`);
          return 1;
        }
        const refusals = await store.settings.refusals(helpPointId);
        io.out(
          [
            `Help point ${helpPointId}: settings version ${stored.version}, updated ${stored.updatedAt.toISOString()}`,
            `Staff PIN: ${stored.staffPin ? 'set' : 'not set (no staff mode on its kiosks)'}`,
            refusals.length === 0 ? 'No device has refused a version.' : 'Refused by devices:',
            ...refusals.map(
              (refusal) =>
                `  ${refusal.deviceId} refused version ${refusal.version} at ${refusal.refusedAt.toISOString()}: ${refusal.reason}`,
            ),
          ].join('\n'),
        );
        return 0;
      });
    }
  } catch (error) {
    if (!(error instanceof SettingsInputError) && !(error instanceof AccountInputError))
      throw error;
    io.err(`Refused: ${error.message.replace(/\.?$/, '.')}`);
    return 2;
  }
  io.err(USAGE);
  return 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runHelpPointCli(process.argv.slice(2), {
    env: process.env,
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    readStdin: () => readSecretFromStdin('Staff PIN (at least 6 digits, not shown), then Enter: '),
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
