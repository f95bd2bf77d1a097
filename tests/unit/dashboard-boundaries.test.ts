// The dashboard is a separate app (vite.dashboard.config.ts): ESLint keeps the kiosk's code
// out of it and it out of the kiosk, so neither bundle can drag the other in by an import.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LINT_TIMEOUT_MS = 60_000;

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function restrictedLines(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${filePath}` });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'import-x/no-restricted-paths')
    .map((message) => message.line);
}

describe('dashboard boundaries', () => {
  it(
    'the dashboard may not import features, the app shell, storage, sync or kiosk components',
    async () => {
      const code = [
        "import { sessionMachine } from '../features/session/session-machine';",
        "import { App } from '../app/App';",
        "import { database } from '../db/database';",
        "import { drainOutbox } from '../sync/drain-outbox';",
        "import { Screen } from '../components/Screen';",
        "import { AGENCIES } from '../protocol/vocabulary';",
        "import { WEEKDAYS } from '../lib/kiosk-config';",
        'export const used = [sessionMachine, App, database, drainOutbox, Screen, AGENCIES, WEEKDAYS];',
      ].join('\n');
      expect(await restrictedLines(code, 'src/dashboard/x.ts')).toEqual([1, 2, 3, 4, 5]);
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'neither a feature nor the kiosk shell may import the dashboard',
    async () => {
      const code = [
        "import { tableModel } from '../../dashboard/view-model';",
        'export const used = tableModel;',
      ].join('\n');
      expect(await restrictedLines(code, 'src/features/staff/x.ts')).toEqual([1]);
      const shell = [
        "import { tableModel } from '../dashboard/view-model';",
        'export const used = tableModel;',
      ].join('\n');
      expect(await restrictedLines(shell, 'src/app/x.ts')).toEqual([1]);
      expect(await restrictedLines(shell, 'src/lib/x.ts')).toEqual([1]);
    },
    LINT_TIMEOUT_MS,
  );
});
