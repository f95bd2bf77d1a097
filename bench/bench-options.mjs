// What every benchmark shares: its command-line options, the smoke mode, and the built app.
//
// `--smoke` runs a benchmark's whole code path at tiny sizes, in seconds, so that `npm test`
// notices a benchmark that no longer runs. Its figures are printed but mean nothing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SMOKE = process.argv.includes('--smoke');

/** A smoke run that hangs is a failure too; it should take seconds. */
const SMOKE_LIMIT_MS = 120_000;
if (SMOKE) {
  console.log('Smoke run: tiny sizes, the figures below are not measurements.');
  setTimeout(() => {
    console.error(`Smoke run still going after ${SMOKE_LIMIT_MS / 1000} s: giving up.`);
    process.exit(1);
  }, SMOKE_LIMIT_MS).unref();
}

/** `full` for a real run, `smoke` with --smoke. */
export function size(full, smoke) {
  return SMOKE ? smoke : full;
}

/** A number given as `--name N`, else `fallback`. */
export function numberOption(name, fallback) {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}

/**
 * Builds the kiosk with the project's configuration into `outDir` and returns the folder to
 * serve. `npm test` has just built dist for the browser tests and says so with
 * HJALPPUNKT_SKIP_BUILD, so its smoke runs serve that build instead of building again.
 */
export function buildApp(outDir = 'dist') {
  if (process.env.HJALPPUNKT_SKIP_BUILD && existsSync(join('dist', 'index.html'))) return 'dist';
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'],
    {
      stdio: 'inherit',
      env: { ...process.env, HJALPPUNKT_OUT_DIR: outDir },
    },
  );
  return outDir;
}
