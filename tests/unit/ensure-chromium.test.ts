/**
 * `npm test` on a fresh machine: the decision whether to install Debian's Chromium, to stop
 * with the one command to run, or to go on, with every probe faked (nothing is installed).
 */
import { describe, expect, it } from 'vitest';
import {
  decideChromium,
  ensureChromium,
  INSTALL_COMMAND,
  type ChromiumProbes,
} from '../../scripts/ensure-chromium.mjs';

function fakeMachine(options: {
  env?: Record<string, string>;
  installed?: boolean;
  root?: boolean;
  apt?: boolean;
  aptFails?: boolean;
}) {
  let installed = options.installed ?? false;
  const runs: string[] = [];
  const errors: string[] = [];
  const probes: ChromiumProbes = {
    env: options.env ?? {},
    exists: (path) => installed && path === '/usr/bin/chromium',
    isRoot: () => options.root ?? false,
    hasCommand: (command) => command === 'apt-get' && (options.apt ?? true),
    run: (command, args) => {
      runs.push([command, ...args].join(' '));
      if (options.aptFails) return 100;
      if (args.includes('install')) installed = true;
      return 0;
    },
    log: () => undefined,
    error: (line) => errors.push(line),
  };
  return { probes, runs, errors };
}

describe('decideChromium', () => {
  const base = { chromiumPath: '/usr/bin/chromium', customPath: false };

  it('goes on when Chromium is there, whoever runs it', () => {
    expect(decideChromium({ ...base, exists: true, isRoot: false, hasAptGet: false })).toEqual({
      action: 'ready',
    });
  });

  it('installs when missing, as root with apt-get', () => {
    expect(decideChromium({ ...base, exists: false, isRoot: true, hasAptGet: true })).toEqual({
      action: 'install',
    });
  });

  it('stops with the apt command for a user who is not root', () => {
    const decision = decideChromium({ ...base, exists: false, isRoot: false, hasAptGet: true });
    expect(decision.action).toBe('stop');
    expect(decision.action === 'stop' && decision.message).toContain(INSTALL_COMMAND);
  });

  it('stops, naming CHROMIUM_PATH, on a machine without apt-get', () => {
    const decision = decideChromium({ ...base, exists: false, isRoot: true, hasAptGet: false });
    expect(decision.action === 'stop' && decision.message).toContain('CHROMIUM_PATH=');
  });

  it('never installs for a CHROMIUM_PATH that points nowhere', () => {
    const decision = decideChromium({
      chromiumPath: '/opt/chrome/chrome',
      customPath: true,
      exists: false,
      isRoot: true,
      hasAptGet: true,
    });
    expect(decision.action).toBe('stop');
    expect(decision.action === 'stop' && decision.message).toContain('/opt/chrome/chrome');
  });
});

describe('ensureChromium', () => {
  it('runs apt-get update and install as root, then reports ready', () => {
    const machine = fakeMachine({ root: true });
    expect(ensureChromium(machine.probes)).toBe(true);
    expect(machine.runs).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
  });

  it('runs nothing and reports not ready for a user who is not root', () => {
    const machine = fakeMachine({ root: false });
    expect(ensureChromium(machine.probes)).toBe(false);
    expect(machine.runs).toEqual([]);
    expect(machine.errors.join('\n')).toContain(INSTALL_COMMAND);
  });

  it('reports not ready when apt-get fails', () => {
    const machine = fakeMachine({ root: true, aptFails: true });
    expect(ensureChromium(machine.probes)).toBe(false);
    expect(machine.runs).toEqual(['apt-get update -qq']);
    expect(machine.errors.join('\n')).toContain('apt-get install -y chromium');
  });

  it('runs nothing when Chromium is installed', () => {
    const machine = fakeMachine({ installed: true, root: true });
    expect(ensureChromium(machine.probes)).toBe(true);
    expect(machine.runs).toEqual([]);
  });

  it('checks CHROMIUM_PATH, not the default, when it is set', () => {
    const machine = fakeMachine({ installed: true, root: true, env: { CHROMIUM_PATH: '/x' } });
    expect(ensureChromium(machine.probes)).toBe(false);
    expect(machine.runs).toEqual([]);
  });
});
