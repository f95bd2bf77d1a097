/**
 * `npm run collector:admin -- add --email <email> --role admin|manager|viewer
 * --municipality <SCB code> [--help-point <id>]…` makes a dashboard account, reading its
 * password from standard input (not echoed; at least 12 characters). The first admin of a
 * municipality is made this way; after that, admins make accounts in the dashboard.
 * Same database as the server (DATABASE_URL, else COLLECTOR_DATA_DIR).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AccountInputError, addAccount, validateNewAccount } from './dashboard/admin-accounts';
import { readSecretFromStdin } from './read-secret';
import { DEFAULT_DATA_DIR, openStore } from './store/open-store';

export interface AdminCliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Standard input, whole (the password, one line). */
  readStdin: () => Promise<string>;
}

const USAGE = `Usage:
  collector:admin add --email <email> --role admin|manager|viewer --municipality <SCB code>
                      [--help-point <id>]...     (a manager's own help points)

The password is read from standard input (typed, not shown; at least 12 characters).
Environment: DATABASE_URL, or COLLECTOR_DATA_DIR (default ${DEFAULT_DATA_DIR}).`;

export async function runAdminCli(argv: string[], io: AdminCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        municipality: { type: 'string' },
        'help-point': { type: 'string', multiple: true },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  const { email, role, municipality } = parsed.values;
  if (command !== 'add' || extra.length > 0 || !email || !role || !municipality) {
    io.err(USAGE);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  // The first line only; the password is never echoed, logged or kept.
  const password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  const input = {
    email,
    role,
    municipalityCode: municipality,
    helpPointIds: parsed.values['help-point'] ?? [],
    password,
  };
  try {
    validateNewAccount(input); // before opening the database
  } catch (error) {
    if (!(error instanceof AccountInputError)) throw error;
    io.err(`Refused: ${error.message}.`);
    return 2;
  }
  const store = await openStore(
    io.env.DATABASE_URL
      ? { databaseUrl: io.env.DATABASE_URL }
      : { dataDir: io.env.COLLECTOR_DATA_DIR || DEFAULT_DATA_DIR },
  );
  try {
    const account = await addAccount(store, input);
    const where = await store.accounts.municipality(account.municipalityCode);
    io.out(
      `Account ${account.email} (${account.role}) made for ${where?.name ?? ''} (${account.municipalityCode})` +
        (account.helpPointIds.length ? `, help points ${account.helpPointIds.join(', ')}.` : '.'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AccountInputError)) throw error;
    io.err(`Refused: ${error.message}.`);
    return 2;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runAdminCli(process.argv.slice(2), {
    env: process.env,
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    readStdin: () =>
      readSecretFromStdin('Password for the new account (at least 12 characters, not shown): '),
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
