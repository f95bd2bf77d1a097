// `npm test` needs Debian's Chromium for its browser tests and benchmarks. Before anything
// runs, this makes sure it is there: when it is missing and this user may install packages
// (root, with apt-get), it installs Debian's `chromium` as .ci/run does; otherwise it stops
// at once with the one command to run, so nobody waits for a suite that cannot pass.
// The probes (file exists, root, command on PATH, run a command) are injected so the decision
// is unit-tested (tests/unit/ensure-chromium.test.ts) without touching the machine.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

/**
 * What to do, from what the probes saw:
 *  - `ready`: Chromium is there;
 *  - `install`: root with apt-get and the default path, so install Debian's package;
 *  - `stop`: anything else, with the message naming the one thing to do.
 */
export function decideChromium({ chromiumPath, customPath, exists, isRoot, hasAptGet }) {
  if (exists) return { action: 'ready' };
  if (customPath) {
    // Installing Debian's package would not put anything at a path the user chose.
    return {
      action: 'stop',
      message: `Chromium not found at CHROMIUM_PATH=${chromiumPath}. Point CHROMIUM_PATH at a Chromium (not chromium-headless-shell), or unset it to use ${DEFAULT_CHROMIUM}.`,
    };
  }
  if (!hasAptGet) {
    return {
      action: 'stop',
      message: `Chromium not found at ${chromiumPath}, and this machine has no apt-get. Install Chromium with its package manager, then run: CHROMIUM_PATH=/path/to/chromium npm test`,
    };
  }
  if (isRoot) return { action: 'install' };
  return {
    action: 'stop',
    message: `Chromium not found at ${chromiumPath}. Install Debian's Chromium once, then run npm test again:\n  ${INSTALL_COMMAND}`,
  };
}

function onPath(command, pathVariable) {
  for (const directory of (pathVariable ?? '').split(delimiter)) {
    if (!directory) continue;
    try {
      accessSync(join(directory, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** The real machine's probes. */
export function systemProbes(env = process.env) {
  return {
    env,
    exists: (path) => existsSync(path),
    isRoot: () => process.getuid?.() === 0,
    hasCommand: (command) => onPath(command, env.PATH),
    run: (command, args) =>
      spawnSync(command, args, {
        stdio: 'inherit',
        env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status,
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  };
}

/** Returns true when Chromium is ready (installing it if allowed), false after printing why not. */
export function ensureChromium(probes = systemProbes()) {
  const customPath = Boolean(probes.env.CHROMIUM_PATH);
  const chromiumPath = probes.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  const decision = decideChromium({
    chromiumPath,
    customPath,
    exists: probes.exists(chromiumPath),
    isRoot: probes.isRoot(),
    hasAptGet: probes.hasCommand('apt-get'),
  });
  if (decision.action === 'ready') return true;
  if (decision.action === 'stop') {
    probes.error(`\n${decision.message}\n`);
    return false;
  }
  probes.log(`\nChromium not found at ${chromiumPath}: installing Debian's chromium (apt-get)…`);
  const installed =
    probes.run('apt-get', ['update', '-qq']) === 0 &&
    probes.run('apt-get', ['install', '-y', '-qq', 'chromium']) === 0 &&
    probes.exists(chromiumPath);
  if (!installed) {
    probes.error(
      `\nInstalling chromium failed. Install it yourself, then run npm test again:\n  apt-get update && apt-get install -y chromium\n`,
    );
  }
  return installed;
}
