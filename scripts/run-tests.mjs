// `npm test`: every check and every suite, in order, then one line that sums them all:
//   summary: N passed, N failed
// Type-checking and lint count as one check each; Vitest and Playwright report per test; each
// benchmark's smoke run counts as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

// 0. Before anything runs: Debian's Chromium, installed here when root may (as .ci/run does),
// or a stop at once with the command to run, rather than a suite that cannot pass.
if (!ensureChromium()) {
  console.log('summary: 0 passed, 1 failed');
  process.exit(1);
}

const results = [];

function run(name, command, args, options = {}) {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', ...options });
  const ok = child.status === 0;
  console.log(
    `── ${name}: ${ok ? 'ok' : `failed (exit ${child.status ?? child.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const npx = (bin) => `node_modules/.bin/${bin}`;

// 1. Static checks.
for (const [name, script] of [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
]) {
  const ok = run(name, 'npm', ['run', '--silent', script]);
  results.push({ suite: name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

// 2. Unit tests (Vitest).
rmSync('.vitest-results.json', { force: true });
const unitOk = run('unit', npx('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=.vitest-results.json',
]);
const unit = readJson('.vitest-results.json');
const unitFailed = unit?.numFailedTests ?? 0;
// A crash before any test ran still counts as a failure.
results.push({
  suite: 'unit',
  passed: unit?.numPassedTests ?? 0,
  failed: unitFailed + (!unitOk && unitFailed === 0 ? 1 : 0),
});

// 3. Browser tests (Playwright + Debian's Chromium, against the built app).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);
if (!hasChromium) {
  console.error(
    `\nChromium not found at ${chromium}. Install it: apt-get install -y chromium (or set CHROMIUM_PATH).`,
  );
  results.push({ suite: 'browser', passed: 0, failed: 1 });
} else {
  rmSync('.playwright-results.json', { force: true });
  const browserOk = run('browser', npx('playwright'), [
    'test',
    '-c',
    'tests/browser/playwright.config.ts',
  ]);
  const stats = readJson('.playwright-results.json')?.stats;
  const failed = (stats?.unexpected ?? 0) + (stats?.flaky ?? 0);
  results.push({
    suite: 'browser',
    passed: stats?.expected ?? 0,
    failed: failed + (!browserOk && failed === 0 ? 1 : 0),
  });
}

// 4. Every benchmark in smoke mode (tiny sizes, seconds each), so none can rot unnoticed. They
// are found by name in package.json, so a new `bench:*` script is smoke-run too. Figures are
// printed, never asserted: a benchmark passes when it exits 0. They serve the dist the browser
// tests have just built (HJALPPUNKT_SKIP_BUILD) and build it themselves if it is missing.
const benchmarks = Object.keys(readJson('package.json')?.scripts ?? {}).filter((script) =>
  script.startsWith('bench'),
);
// Finding none means the discovery broke, which must not pass as "nothing to run".
const smoke = { suite: 'bench-smoke', passed: 0, failed: benchmarks.length === 0 ? 1 : 0 };
if (!hasChromium)
  console.error(`\nChromium not found at ${chromium}: the benchmarks' smoke runs fail too.`);
for (const script of benchmarks) {
  const ok =
    hasChromium &&
    run(`bench-smoke ${script}`, 'npm', ['run', '--silent', script, '--', '--smoke'], {
      env: { ...process.env, HJALPPUNKT_SKIP_BUILD: '1' },
    });
  if (ok) smoke.passed += 1;
  else smoke.failed += 1;
}
results.push(smoke);

console.log('');
for (const result of results)
  console.log(`${result.suite}: ${result.passed} passed, ${result.failed} failed`);
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`summary: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
