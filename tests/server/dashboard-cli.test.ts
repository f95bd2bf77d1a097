// `collector:admin add` and `collector:help-point set --municipality`, on the database the
// server then opens (PGlite in a directory, and PostgreSQL): SCB codes checked, the password
// read from standard input and stored as argon2id only, and the account logs in afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCli } from '../../server/src/admin-cli';
import { municipalityName, MUNICIPALITIES } from '../../server/src/dashboard/municipalities';
import { createEnrollmentCode } from '../../server/src/enrollment';
import { runHelpPointCli } from '../../server/src/help-point-cli';
import { startCollector } from '../../server/src/start-collector';
import { openStore } from '../../server/src/store/open-store';
import { TEST_PASSWORD, call, login, uniqueEmail } from './dashboard-support';
import { SETUP_TIMEOUT_MS, STORE_CASES, uniqueHelpPoint, type StoreSetup } from './support';

describe("SCB's municipality codes", () => {
  it('lists all 290 municipalities and nothing else', () => {
    expect(MUNICIPALITIES.size).toBe(290);
    expect(municipalityName('0880')).toBe('Kalmar');
    expect(municipalityName('0180')).toBe('Stockholm');
    expect(municipalityName('2584')).toBe('Kiruna');
    for (const code of ['0808', '0000', '880', '08800', '01', 'abcd', ' 0880']) {
      expect(municipalityName(code)).toBeNull();
    }
  });
});

describe.each(STORE_CASES)('the account and municipality CLIs ($name)', (storeCase) => {
  let setup: StoreSetup;
  let env: Record<string, string | undefined>;
  const kalmar = uniqueHelpPoint('kalmar');
  const malmo = uniqueHelpPoint('malmo');

  async function cli(run: typeof runAdminCli | typeof runHelpPointCli, argv: string[], stdin = '') {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(argv, {
      env,
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      readStdin: async () => stdin,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  beforeAll(async () => {
    setup = await storeCase.setup(true);
    env = setup.options.databaseUrl
      ? { DATABASE_URL: setup.options.databaseUrl }
      : { COLLECTOR_DATA_DIR: setup.options.dataDir };
    // The help points exist once a device is enrolled for them (or their settings are set).
    const store = await openStore(setup.options);
    for (const helpPointId of [kalmar, malmo]) {
      await createEnrollmentCode(store, {
        helpPointId,
        kioskUrl: 'http://127.0.0.1:4173',
        collectorUrl: 'http://127.0.0.1:8787',
      });
    }
    await store.close();
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await setup?.teardown();
  });

  it(
    'places help points in municipalities by SCB code, and refuses a code that is none',
    async () => {
      const typo = await cli(runHelpPointCli, ['set', kalmar, '--municipality', '0808']);
      expect(typo.code).toBe(2);
      expect(typo.err).toContain('not an SCB municipality code');
      const missing = await cli(runHelpPointCli, [
        'set',
        'no-such-place',
        '--municipality',
        '0880',
      ]);
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('no help point no-such-place');
      const ok = await cli(runHelpPointCli, ['set', kalmar, '--municipality', '0880']);
      expect(ok).toMatchObject({ code: 0, out: `Help point ${kalmar}: belongs to Kalmar (0880).` });
      expect((await cli(runHelpPointCli, ['set', malmo, '--municipality', '1280'])).code).toBe(0);
    },
    2 * SETUP_TIMEOUT_MS,
  );

  it(
    'adds accounts with the password from standard input, checked like the dashboard',
    async () => {
      const admin = uniqueEmail('admin');
      const add = (args: string[], password = `${TEST_PASSWORD}\n`) =>
        cli(runAdminCli, ['add', ...args], password);
      const short = await add(
        ['--email', admin, '--role', 'admin', '--municipality', '0880'],
        'short\n',
      );
      expect(short.code).toBe(2);
      expect(short.err).toContain('at least 12 characters');
      expect(
        (await add(['--email', admin, '--role', 'owner', '--municipality', '0880'])).code,
      ).toBe(2);
      expect(
        (await add(['--email', admin, '--role', 'admin', '--municipality', '9999'])).code,
      ).toBe(2);
      const made = await add(['--email', admin, '--role', 'admin', '--municipality', '0880']);
      expect(made).toMatchObject({ code: 0 });
      expect(made.out).toContain('Kalmar (0880)');
      expect(made.out).not.toContain(TEST_PASSWORD);
      expect(
        (await add(['--email', admin, '--role', 'viewer', '--municipality', '0880'])).code,
      ).toBe(2);

      const manager = uniqueEmail('manager');
      const foreign = await add([
        '--email',
        manager,
        '--role',
        'manager',
        '--municipality',
        '0880',
        '--help-point',
        malmo,
      ]);
      expect(foreign.code).toBe(2);
      expect(foreign.err).toContain(`help point ${malmo} is not in municipality 0880`);
      const viewerWithPoints = await add([
        '--email',
        uniqueEmail('v'),
        '--role',
        'viewer',
        '--municipality',
        '0880',
        '--help-point',
        kalmar,
      ]);
      expect(viewerWithPoints.code).toBe(2);
      const own = await add([
        '--email',
        manager,
        '--role',
        'manager',
        '--municipality',
        '0880',
        '--help-point',
        kalmar,
      ]);
      expect(own.code).toBe(0);
      expect((await cli(runAdminCli, ['add', '--email', admin])).code).toBe(2);

      // Only an argon2id hash is stored.
      const store = await openStore(setup.options);
      const stored = await store.accounts.findForLogin(admin);
      await store.close();
      expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(stored?.passwordHash).not.toContain(TEST_PASSWORD);

      // The server then lets both in, each seeing what their role allows.
      const collector = await startCollector({ ...setup.options, rateLimit: false });
      try {
        const adminMe = await call(
          collector.url,
          '/admin/api/me',
          await login(collector.url, admin),
        );
        expect(adminMe.body).toMatchObject({
          account: { role: 'admin', municipalityCode: '0880' },
          municipality: { code: '0880', name: 'Kalmar' },
          helpPoints: [{ id: kalmar, municipalityCode: '0880' }],
        });
        const managerMe = await call(
          collector.url,
          '/admin/api/me',
          await login(collector.url, manager),
        );
        expect(managerMe.body).toMatchObject({
          account: { role: 'manager', helpPointIds: [kalmar] },
        });
      } finally {
        await collector.close();
      }
    },
    4 * SETUP_TIMEOUT_MS,
  );
});
