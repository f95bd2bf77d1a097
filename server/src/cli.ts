/**
 * Admin command line. `npm run collector:enroll -- --help-point <id> --name "<name>"
 * --kiosk-url <url> [--role kiosk|staff] [--collector-url <url>] [--valid-hours <1-168>]`
 * makes a one-time enrollment code in the same database the server uses (DATABASE_URL, else
 * COLLECTOR_DATA_DIR) and prints the link carrying it and a QR code to scan from the device.
 * The device exchanges the code for its token itself: no token is ever printed.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DEFAULT_ENROLLMENT_CODE_TTL_MS,
  EnrollmentInputError,
  createEnrollmentCode,
  qrTerminal,
  validateCodeTtl,
  validateEnrollmentInput,
  type EnrollmentInput,
} from './enrollment';
import { DEFAULT_DATA_DIR, openStore } from './store/open-store';

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `Usage:
  collector enroll --help-point <id> --kiosk-url <url> [--name "<display name>"]
                   [--role kiosk|staff] [--collector-url <url>] [--valid-hours <1-168>]
                   [--municipality <SCB code, e.g. 0880>]

The link holds a one-time code, valid for 24 hours unless --valid-hours says otherwise.
The collector URL must be https: (http: only for 127.0.0.1, ::1 or localhost).

Environment: DATABASE_URL, or COLLECTOR_DATA_DIR (default ${DEFAULT_DATA_DIR});
COLLECTOR_PUBLIC_URL or PORT for the default --collector-url.`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'enroll') {
    io.err(USAGE);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        'help-point': { type: 'string' },
        name: { type: 'string' },
        'kiosk-url': { type: 'string' },
        role: { type: 'string' },
        'collector-url': { type: 'string' },
        'valid-hours': { type: 'string' },
        municipality: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const helpPointId = values['help-point'];
  const kioskUrl = values['kiosk-url'];
  const role = values.role ?? 'kiosk';
  if (!helpPointId || !kioskUrl || (role !== 'kiosk' && role !== 'staff')) {
    io.err(USAGE);
    return 2;
  }
  const collectorUrl =
    values['collector-url'] ??
    io.env.COLLECTOR_PUBLIC_URL ??
    `http://${io.env.HOST || '127.0.0.1'}:${io.env.PORT || 8787}`;

  let ttlMs = DEFAULT_ENROLLMENT_CODE_TTL_MS;
  if (values['valid-hours'] !== undefined) {
    const hours = Number(values['valid-hours']);
    try {
      ttlMs = validateCodeTtl(/^\d+$/.test(values['valid-hours']) ? hours * 60 * 60_000 : NaN);
    } catch {
      io.err(`--valid-hours must be a whole number of hours from 1 to 168.\n\n${USAGE}`);
      return 2;
    }
  }
  const input: EnrollmentInput = {
    helpPointId,
    ...(values.name === undefined ? {} : { helpPointName: values.name }),
    ...(values.municipality === undefined ? {} : { municipalityCode: values.municipality }),
    role,
    kioskUrl,
    collectorUrl,
  };
  try {
    validateEnrollmentInput(input); // before touching the database
  } catch (error) {
    if (!(error instanceof EnrollmentInputError)) throw error;
    io.err(`Cannot enroll: ${error.message}.`);
    return 2;
  }

  const store = await openStore(
    io.env.DATABASE_URL
      ? { databaseUrl: io.env.DATABASE_URL }
      : { dataDir: io.env.COLLECTOR_DATA_DIR || DEFAULT_DATA_DIR },
  );
  try {
    const made = await createEnrollmentCode(store, input, { ttlMs });
    io.out(
      [
        `Enrollment code for a ${made.role} device at help point ${made.helpPointId}.`,
        `Collector: ${collectorUrl.replace(/\/+$/, '')}`,
        `Valid until ${made.expiresAt.toISOString()}, for one device only.`,
        '',
        'Open this link on the device (or scan the QR code); it works once:',
        made.link,
        '',
        await qrTerminal(made.link),
      ].join('\n'),
    );
    return 0;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: CliIo = {
    env: process.env,
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
