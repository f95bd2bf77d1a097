// Help point settings: the CLI, the ETag, the weak-PIN and validation refusals, each device
// seeing only its own help point's settings, refusals reported back, and the local codes.
import { enrollOverHttp } from '../support/enroll';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHelpPointCli } from '../../server/src/help-point-cli';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { verifyPin } from '../../src/lib/pin-hash';
import { weakPinReason } from '../../src/lib/pin-policy';
import { SETTINGS_PATH, SETTINGS_REFUSALS_PATH } from '../../src/protocol/help-point-settings';
import { parseSettingsDocument } from '../../src/lib/help-point-settings';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LOCAL_CATALOGUE,
  LOCAL_ERRAND_ID,
  LOCAL_LESSON_ID,
  LOCAL_LESSONS,
  TEST_STAFF_PIN,
  settingsFile,
} from '../support/help-point-settings';
import {
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  makeEvent,
  postEvents,
  request,
  sampleData,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const KIOSK_URL = 'http://127.0.0.1:4173';
const ADMIN_TOKEN = 'settings-test-admin-token-of-32-characters';
// Fewer PBKDF2 rounds than production (600,000) keep the tests quick; the schema's minimum.
const TEST_ITERATIONS = 100_000;

async function cli(argv: string[], env: Record<string, string | undefined>, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runHelpPointCli(argv, {
    env,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readStdin: async () => stdin,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the weak-PIN list', () => {
  it('refuses short, common, same-digit, sequential and repeated PINs, and takes others', () => {
    for (const pin of ['2580', '12345']) expect(weakPinReason(pin)).toBe('too-short');
    for (const pin of ['000000', '111111', '99999999'])
      expect(weakPinReason(pin)).toBe('same-digit');
    for (const pin of ['123456', '654321', '234567', '890123', '98765432'])
      expect(weakPinReason(pin)).toBe('sequence');
    for (const pin of ['123123', '121212', '112233', '147258', '696969'])
      expect(weakPinReason(pin)).not.toBeNull();
    expect(weakPinReason('12a456')).toBe('not-digits');
    for (const pin of [TEST_STAFF_PIN, '470318', '20571934']) expect(weakPinReason(pin)).toBeNull();
  });
});

describe.each(STORE_CASES)('help point settings ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  let env: Record<string, string | undefined>;
  const cliHelpPoint = uniqueHelpPoint('cli');
  const helpPoint = uniqueHelpPoint('set');
  const other = uniqueHelpPoint('other');
  let kioskToken = '';
  let kioskId = '';
  let otherToken = '';
  let show: Awaited<ReturnType<typeof cli>>;
  let weakCli: Awaited<ReturnType<typeof cli>>;
  let missingFile: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    // A data directory, not memory: the CLI writes where the server will read.
    setup = await storeCase.setup(true);
    env = setup.options.databaseUrl
      ? { DATABASE_URL: setup.options.databaseUrl }
      : { COLLECTOR_DATA_DIR: setup.options.dataDir };
    const file = join(tmpdir(), `${cliHelpPoint}.json`);
    writeFileSync(file, JSON.stringify(settingsFile(cliHelpPoint)));
    const set = await cli(['set', cliHelpPoint, '--file', file], env);
    expect(set, set.err).toMatchObject({ code: 0 });
    const pin = await cli(['pin', cliHelpPoint], env, `${TEST_STAFF_PIN}\n`);
    expect(pin, pin.err).toMatchObject({ code: 0 });
    // Before the server opens the store: PGlite allows one process at a time.
    weakCli = await cli(['pin', cliHelpPoint], env, '123456\n');
    missingFile = await cli(['set', cliHelpPoint, '--file', '/nonexistent/settings.json'], env);
    show = await cli(['show', cliHelpPoint], env);

    collector = await startCollector({
      ...setup.options,
      rateLimit: false,
      adminToken: ADMIN_TOKEN,
    });
    await collector.helpPoints.set(helpPoint, settingsFile(helpPoint));
    await collector.helpPoints.set(
      other,
      settingsFile(other, { helpPointName: 'Annat bibliotek' }),
    );
    const kiosk = await enrollOverHttp(collector, { helpPointId: helpPoint, kioskUrl: KIOSK_URL });
    kioskToken = kiosk.token;
    kioskId = kiosk.deviceId;
    otherToken = (await enrollOverHttp(collector, { helpPointId: other, kioskUrl: KIOSK_URL }))
      .token;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  it('the CLI stores settings and the PIN (read from standard input) as version 2', async () => {
    const enrollment = await enrollOverHttp(collector, {
      helpPointId: cliHelpPoint,
      kioskUrl: KIOSK_URL,
    });
    const answer = await request(collector.url, SETTINGS_PATH, { token: enrollment.token });
    expect(answer.status).toBe(200);
    const parsed = parseSettingsDocument(answer.body);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.settings.version).toBe(2);
    const verifier = parsed.settings.config.staffPin;
    if (!verifier) throw new Error('no PIN verifier served');
    expect(await verifyPin(TEST_STAFF_PIN, verifier)).toBe(true);
    expect(JSON.stringify(answer.body)).not.toContain(TEST_STAFF_PIN);
    expect(show.out).toContain('settings version 2');
    expect(show.out).toContain('Staff PIN: set');
  });

  it('answers 200 with an ETag, 304 to If-None-Match, and a new ETag for a new version', async () => {
    const first = await request(collector.url, SETTINGS_PATH, { token: kioskToken });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"v\d+"$/);
    expect(first.headers.get('cache-control')).toContain('no-cache');

    const again = await request(collector.url, SETTINGS_PATH, {
      token: kioskToken,
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();

    const version = await collector.helpPoints.set(
      helpPoint,
      settingsFile(helpPoint, { idleSeconds: 120 }, { localCatalogue: LOCAL_CATALOGUE }),
    );
    const changed = await request(collector.url, SETTINGS_PATH, {
      token: kioskToken,
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe(`"v${version}"`);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body).toMatchObject({ version, config: { idleSeconds: 120 } });
  });

  it('serves each device only its own help point, and nothing without a token', async () => {
    const own = await request(collector.url, SETTINGS_PATH, { token: otherToken });
    expect(own.body).toMatchObject({
      helpPointId: other,
      config: { helpPointName: 'Annat bibliotek' },
    });
    const mine = await request(collector.url, SETTINGS_PATH, { token: kioskToken });
    expect(mine.body).toMatchObject({ helpPointId: helpPoint });
    expect((await request(collector.url, SETTINGS_PATH)).status).toBe(401);
    // A help point without settings: 404, never another help point's.
    const bare = await enrollOverHttp(collector, {
      helpPointId: uniqueHelpPoint('bare'),
      kioskUrl: KIOSK_URL,
    });
    const none = await request(collector.url, SETTINGS_PATH, { token: bare.token });
    expect(none.status).toBe(404);
  });

  it('refuses weak PINs and keeps the PIN it had', async () => {
    await collector.helpPoints.setPin(helpPoint, TEST_STAFF_PIN, TEST_ITERATIONS);
    const before = await collector.helpPoints.store.get(helpPoint);
    for (const pin of [
      '123456',
      '000000',
      '111111',
      '121212',
      '654321',
      '123123',
      '112233',
      '2580',
    ]) {
      await expect(collector.helpPoints.setPin(helpPoint, pin, TEST_ITERATIONS)).rejects.toThrow(
        /PIN/,
      );
    }
    expect(weakCli.code).toBe(2);
    expect(weakCli.err).toMatch(/Refused/);
    expect(weakCli.err).not.toContain('123456');
    const after = await collector.helpPoints.store.get(helpPoint);
    expect(after?.staffPin).toEqual(before?.staffPin);
    expect(after?.version).toBe(before?.version);
  });

  it('refuses settings the kiosk would refuse, saying which field, and stores nothing', async () => {
    const before = await collector.helpPoints.store.get(helpPoint);
    const refusals: [unknown, RegExp][] = [
      [settingsFile(helpPoint, { idleSeconds: 5 }), /config\.idleSeconds/],
      [settingsFile(helpPoint, { helpPointName: 'Bibliotek\u202Eteksavni' }), /helpPointName/],
      [settingsFile(helpPoint, { staffLockMinutes: 11 }), /staffLockMinutes/],
      [settingsFile(helpPoint, { staffPin: before?.staffPin }), /staffPin/],
      [settingsFile('annan-punkt'), /helpPointId/],
      [settingsFile(helpPoint, {}, { unexpected: true }), /unexpected field unexpected/],
      [
        settingsFile(helpPoint, {}, { localCatalogue: { ...LOCAL_CATALOGUE, texts: {} } }),
        /localCatalogue/,
      ],
      [
        settingsFile(helpPoint, {}, { localLessons: { ...LOCAL_LESSONS, schemaVersion: 2 } }),
        /localLessons/,
      ],
      ['not an object', /expected \{ config/],
    ];
    for (const [raw, reason] of refusals) {
      await expect(collector.helpPoints.set(helpPoint, raw)).rejects.toThrow(reason);
    }
    expect(missingFile.code).toBe(2);
    expect(await collector.helpPoints.store.get(helpPoint)).toEqual(before);
    // A PIN for a help point without settings is refused too.
    await expect(
      collector.helpPoints.setPin(uniqueHelpPoint('nothing'), TEST_STAFF_PIN, TEST_ITERATIONS),
    ).rejects.toThrow(/no settings/);
  });

  it('keeps the last refusal per device, visible to the admin, and refuses a bad report', async () => {
    const post = (body: unknown, token = kioskToken) =>
      request(collector.url, SETTINGS_REFUSALS_PATH, {
        token,
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    expect((await post({ version: 7, reason: 'config.idleSeconds: too small' })).status).toBe(204);
    expect((await post({ version: 8, reason: 'localLessons: broken' })).status).toBe(204);
    expect((await post({ version: 8, reason: 'evil\u202Ereason' })).status).toBe(400);
    expect((await post({ version: 0, reason: 'x' })).status).toBe(400);
    expect((await post({ version: 8, reason: 'x', extra: 1 })).status).toBe(400);
    expect((await post({ version: 8, reason: 'x' }, 'not-a-token')).status).toBe(401);

    const admin = await request(collector.url, `/api/v1/admin/help-points/${helpPoint}/settings`, {
      token: ADMIN_TOKEN,
    });
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({
      helpPointId: helpPoint,
      pinSet: true,
      refusals: [{ deviceId: kioskId, version: 8, reason: 'localLessons: broken' }],
    });
    expect(JSON.stringify(admin.body)).not.toContain('"hash"');
    const unknown = await request(collector.url, '/api/v1/admin/help-points/nope/settings', {
      token: ADMIN_TOKEN,
    });
    expect(unknown.status).toBe(404);
  });

  it('lists a help point’s own errand and lesson ids for the known-codes check', async () => {
    await collector.helpPoints.set(
      helpPoint,
      settingsFile(helpPoint, {}, { localCatalogue: LOCAL_CATALOGUE, localLessons: LOCAL_LESSONS }),
    );
    expect(await collector.helpPoints.store.localCodes(helpPoint)).toEqual({
      errands: [LOCAL_ERRAND_ID],
      lessons: [LOCAL_LESSON_ID],
    });
    expect(await collector.helpPoints.store.localCodes(other)).toEqual({
      errands: [],
      lessons: [],
    });
    expect(await collector.helpPoints.store.localCodes('no-such-point')).toEqual({
      errands: [],
      lessons: [],
    });
  });

  it('takes events naming the help point’s own local errand, and refuses them elsewhere', async () => {
    await collector.helpPoints.set(
      helpPoint,
      settingsFile(helpPoint, {}, { localCatalogue: LOCAL_CATALOGUE, localLessons: LOCAL_LESSONS }),
    );
    const viewed = (id: string, deviceId: string) =>
      makeEvent(id, 'errand-viewed', {
        deviceId,
        data: { ...(sampleData('errand-viewed') as object), errandId: LOCAL_ERRAND_ID },
      });
    const own = await postEvents(collector.url, kioskToken, {
      events: [viewed(helpPoint, kioskId)],
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ results: [{ status: 'accepted' }] });
    const elsewhere = await enrollOverHttp(collector, { helpPointId: other, kioskUrl: KIOSK_URL });
    const foreign = await postEvents(collector.url, elsewhere.token, {
      events: [viewed(other, elsewhere.deviceId)],
    });
    expect(foreign.body).toMatchObject({
      results: [{ status: 'rejected', reason: expect.stringMatching(/^unknown-code/) }],
    });
  });
});
