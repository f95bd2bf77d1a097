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
      options: { file: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, helpPointId, ...extra] = parsed.positionals;
  const file = parsed.values.file;
  if (!helpPointId || extra.length > 0 || (command === 'set') !== (file !== undefined)) {
    io.err(USAGE);
    return 2;
  }
  try {
    if (command === 'set' && file !== undefined) {
      const raw = await readJsonFile(file);
      const version = await withStore(io.env, (store) =>
        putHelpPointSettings(store.settings, helpPointId, raw),
      );
      io.out(`Help point ${helpPointId}: settings stored as version ${version}.`);
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
    if (!(error instanceof SettingsInputError)) throw error;
    io.err(`Refused: ${error.message.replace(/\.?$/, '.')}`);
    return 2;
  }
  io.err(USAGE);
  return 2;
}

/** From a terminal: one line, not echoed. From a pipe: everything (the first line is used). */
async function readAllStdin(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  process.stderr.write('Staff PIN (at least 6 digits, not shown), then Enter: ');
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve) => {
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n' || character === '\u0003') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
          // Ctrl-C gives an empty PIN, which is refused.
          resolve(character === '\u0003' ? '' : typed);
          return;
        }
        typed = character === '\u007f' ? typed.slice(0, -1) : typed + character;
      }
    };
    stdin.on('data', onData);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runHelpPointCli(process.argv.slice(2), {
    env: process.env,
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    readStdin: readAllStdin,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
