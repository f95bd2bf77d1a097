// The architecture's boundaries, as the project's own ESLint config enforces them: a feature
// never imports another feature (only src/app composes them), and an import cycle fails lint.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The first lint loads typescript-eslint and the resolver: slow on two busy cores. */
const LINT_TIMEOUT_MS = 60_000;

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function errorsOf(code: string, filePath: string, linter = eslint) {
  const [result] = await linter.lintText(code, { filePath: `${ROOT}/${filePath}` });
  return (result?.messages ?? [])
    .filter((message) => message.severity === 2)
    .map((message) => ({ rule: message.ruleId, line: message.line }));
}

describe('feature boundaries', () => {
  it(
    'refuses an import of another feature, however the path is written',
    async () => {
      const code = [
        "import { sessionMachine } from '../session/session-machine';",
        "import type { SessionInput } from '../../features/session/session-machine';",
        "export { sessionMachine as machine } from '../session/session-machine';",
        "export const later = () => import('../staff/staff-services');",
        'export type Input = SessionInput;',
        'export const used = sessionMachine;',
      ].join('\n');
      expect(await errorsOf(code, 'src/features/anvanda/x.ts')).toEqual([
        { rule: 'import-x/no-restricted-paths', line: 1 },
        { rule: 'import-x/no-restricted-paths', line: 2 },
        { rule: 'import-x/no-restricted-paths', line: 3 },
        { rule: 'import-x/no-restricted-paths', line: 4 },
      ]);
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'refuses an alias path too, once a tsconfig maps one',
    async () => {
      const withAlias = new ESLint({
        cwd: ROOT,
        overrideConfig: {
          settings: {
            'import-x/resolver-next': [
              createTypeScriptImportResolver({ project: 'tests/fixtures/alias/tsconfig.json' }),
            ],
          },
        },
      });
      const code = [
        "import { sessionMachine } from '@/features/session/session-machine';",
        "import { wipeVisitor } from '@/lib/visitor-wipe';",
        'export const used = [sessionMachine, wipeVisitor];',
      ].join('\n');
      expect(await errorsOf(code, 'src/features/anvanda/x.ts', withAlias)).toEqual([
        { rule: 'import-x/no-restricted-paths', line: 1 },
      ]);
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'lets a feature import shared code and its own modules, and src/app import features',
    async () => {
      const shared = [
        "import { wipeVisitor } from '../../lib/visitor-wipe';",
        "import type { LogEvent } from '../../protocol/events';",
        "import { DEMO_KEYS } from './components/demo-keys';",
        'export type Delivered = LogEvent;',
        'export const used = [wipeVisitor, DEMO_KEYS];',
      ].join('\n');
      expect(await errorsOf(shared, 'src/features/testa/x.ts')).toEqual([]);
      const composing = [
        "import { sessionMachine } from '../features/session/session-machine';",
        "import { DEMO_KEYS } from '../features/testa/components/demo-keys';",
        'export const used = [sessionMachine, DEMO_KEYS];',
      ].join('\n');
      expect(await errorsOf(composing, 'src/app/x.ts')).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );
});

describe('import cycles', () => {
  it(
    'fail lint: demo-keys importing DemoView, which imports demo-keys',
    async () => {
      const code = [
        "import { DemoView } from './DemoView';",
        'export const DEMO_KEYS = { camera: DemoView } as const;',
      ].join('\n');
      expect(await errorsOf(code, 'src/features/testa/components/demo-keys.ts')).toEqual([
        { rule: 'import-x/no-cycle', line: 1 },
      ]);
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'fail lint in the collector too',
    async () => {
      const code = [
        "import { buildApp } from '../app';",
        'export const startCollector = () => buildApp;',
      ].join('\n');
      expect(await errorsOf(code, 'server/src/http/errors.ts')).toEqual([
        { rule: 'import-x/no-cycle', line: 1 },
      ]);
    },
    LINT_TIMEOUT_MS,
  );
});
