/**
 * Admin command line. `npm run collector:enroll -- --help-point <id> --name "<name>"
 * --kiosk-url <url> [--role kiosk|staff] [--collector-url <url>]` enrolls a device in the
 * same database the server uses (DATABASE_URL, else COLLECTOR_DATA_DIR) and prints the
 * enrollment link and a QR code to scan from the device.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  EnrollmentInputError,
  enrollDevice,
  qrTerminal,
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
                   [--role kiosk|staff] [--collector-url <url>]

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

  const input: EnrollmentInput = {
    helpPointId,
    ...(values.name === undefined ? {} : { helpPointName: values.name }),
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
    const { enrollment, link } = await enrollDevice(store.devices, input);
    io.out(
      [
        `Enrolled ${enrollment.role} device ${enrollment.deviceId} at help point ${enrollment.helpPointId}.`,
        `Collector: ${enrollment.collectorUrl}`,
        '',
        'Open this link on the device (it holds the device token: it is shown only this once):',
        link,
        '',
        await qrTerminal(link),
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
