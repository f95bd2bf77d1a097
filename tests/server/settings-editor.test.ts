// The dashboard's settings editor (issue 13, part D): publish with the kiosk's schemas, the
// version history (who, when, which devices applied it), one-action rollback, the PIN set
// and never answered back, and who may do each, through the real accounts, login, session
// cookie and CSRF token (AccessControl as the collector builds it), on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/src/store/open-store';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { verifyPin } from '../../src/lib/pin-hash';
import { HEARTBEAT_PATH, type HelpPointSettingsView } from '../../src/protocol/fleet';
import { SETTINGS_PATH } from '../../src/protocol/help-point-settings';
import { settingsFile, TEST_STAFF_PIN } from '../support/help-point-settings';
import {
  account,
  asAccount,
  buildFleetApps,
  enrollDevice,
  placeHelpPoints,
  type FleetApps,
} from './fleet-support';
import { SETUP_TIMEOUT_MS, STORE_CASES, uniqueHelpPoint, type StoreSetup } from './support';

describe.each(STORE_CASES)('the settings editor on $name', (storeCase) => {
  let setup: StoreSetup;
  let store: CollectorStore;
  let apps: FleetApps;
  const HERE = uniqueHelpPoint('editor');
  const MINE = uniqueHelpPoint('mine');
  const admin = account('admin', '0880');
  const viewer = account('viewer', '0880');
  const manager = account('manager', '0880', [MINE]);
  const stranger = account('admin', '1480');
  const path = `/help-points/${HERE}`;
  const read = async () =>
    (
      await asAccount(apps.dashboard, admin, 'GET', `${path}/settings`)
    ).json<HelpPointSettingsView>();

  beforeAll(async () => {
    setup = await storeCase.setup();
    store = await openStore(setup.options);
    apps = await buildFleetApps(store, () => new Date());
    await store.settings.put(HERE, 'Start', settingsFile(HERE) as never);
    await store.settings.put(MINE, 'Mine', settingsFile(MINE) as never);
    await placeHelpPoints(store, { '0880': [HERE, MINE] });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await apps?.close();
    await store?.close();
    await setup?.teardown();
  });

  it('publishes a version with who and when, refuses a bad field with 400 naming it', async () => {
    const bad = await asAccount(
      apps.dashboard,
      admin,
      'PUT',
      `${path}/settings`,
      settingsFile(HERE, { idleSeconds: 5 }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^config\.idleSeconds/);
    const withPin = await asAccount(
      apps.dashboard,
      admin,
      'PUT',
      `${path}/settings`,
      settingsFile(HERE, { staffPin: 'x' }),
    );
    expect(withPin.statusCode).toBe(400);

    const published = await asAccount(
      apps.dashboard,
      admin,
      'PUT',
      `${path}/settings`,
      settingsFile(HERE, { helpPointName: 'Version två' }),
    );
    expect(published.statusCode).toBe(200);
    expect(published.json()).toEqual({ version: 2 });
    const view = await read();
    expect(view.current).toMatchObject({ version: 2, pinSet: false });
    expect(view.versions.map((entry) => [entry.version, entry.publishedBy])).toEqual([
      [2, admin.email],
      [1, null],
    ]);
    expect(Date.parse(view.versions[0]?.publishedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('shows which devices applied each version (from their heartbeats)', async () => {
    const kiosk = await enrollDevice(store, apps.device, HERE);
    await store.fleet.rename(kiosk.deviceId, 'Entrén');
    const beat = await apps.device.inject({
      method: 'POST',
      url: HEARTBEAT_PATH,
      headers: { authorization: `Bearer ${kiosk.token}` },
      payload: {
        appVersion: '1.0.0',
        queueDepth: 0,
        deadLetters: 0,
        storagePersisted: true,
        settingsVersion: 2,
      },
    });
    expect(beat.statusCode).toBe(204);
    const view = await read();
    expect(view.versions.find((entry) => entry.version === 2)?.appliedBy).toEqual([
      { id: kiosk.deviceId, name: 'Entrén' },
    ]);
    expect(view.versions.find((entry) => entry.version === 1)?.appliedBy).toEqual([]);
  });

  it('rolls back in one action: a copy of the earlier version, published as a new one', async () => {
    const rolled = await asAccount(apps.dashboard, admin, 'POST', `${path}/settings/rollback`, {
      version: 1,
    });
    expect(rolled.json()).toEqual({ version: 3, rolledBackFrom: 1 });
    const view = await read();
    expect((view.current?.config as { helpPointName: string }).helpPointName).toBe(
      (settingsFile(HERE).config as { helpPointName: string }).helpPointName,
    );
    expect(view.versions[0]).toMatchObject({
      version: 3,
      rolledBackFrom: 1,
      publishedBy: admin.email,
    });
    expect(
      (await asAccount(apps.dashboard, admin, 'POST', `${path}/settings/rollback`, { version: 99 }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await asAccount(apps.dashboard, admin, 'POST', `${path}/settings/rollback`, {
          version: 'x',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('sets the PIN and never answers it back; devices get only its verifier', async () => {
    const weak = await asAccount(apps.dashboard, admin, 'PUT', `${path}/pin`, { pin: '123456' });
    expect(weak.statusCode).toBe(400);
    const set = await asAccount(apps.dashboard, admin, 'PUT', `${path}/pin`, {
      pin: TEST_STAFF_PIN,
    });
    expect(set.statusCode).toBe(200);
    expect(set.body).not.toContain(TEST_STAFF_PIN);
    const view = await asAccount(apps.dashboard, admin, 'GET', `${path}/settings`);
    expect(view.body).not.toContain(TEST_STAFF_PIN);
    expect(view.body).not.toMatch(/salt|iterations/);
    expect(view.json().current.pinSet).toBe(true);
    expect(view.json().versions[0]).toMatchObject({ kind: 'pin', publishedBy: admin.email });

    const kiosk = await enrollDevice(store, apps.device, HERE);
    const served = await apps.device.inject({
      method: 'GET',
      url: SETTINGS_PATH,
      headers: { authorization: `Bearer ${kiosk.token}` },
    });
    const { staffPin } = served.json().config;
    expect(await verifyPin(TEST_STAFF_PIN, staffPin)).toBe(true);
    // A rollback keeps today's PIN: versions hold the settings, the PIN stays apart.
    await asAccount(apps.dashboard, admin, 'POST', `${path}/settings/rollback`, { version: 1 });
    expect((await read()).current?.pinSet).toBe(true);
  });

  it('lets only those who may: viewer 403, stranger 404, anonymous 401, manager only its own', async () => {
    const body = settingsFile(HERE);
    expect((await asAccount(apps.dashboard, null, 'GET', `${path}/settings`)).statusCode).toBe(401);
    expect((await asAccount(apps.dashboard, viewer, 'GET', `${path}/settings`)).statusCode).toBe(
      200,
    );
    expect(
      (await asAccount(apps.dashboard, viewer, 'PUT', `${path}/settings`, body)).statusCode,
    ).toBe(403);
    expect(
      (await asAccount(apps.dashboard, viewer, 'PUT', `${path}/pin`, { pin: TEST_STAFF_PIN }))
        .statusCode,
    ).toBe(403);
    expect((await asAccount(apps.dashboard, stranger, 'GET', `${path}/settings`)).statusCode).toBe(
      404,
    );
    expect(
      (await asAccount(apps.dashboard, stranger, 'PUT', `${path}/settings`, body)).statusCode,
    ).toBe(404);
    expect(
      (await asAccount(apps.dashboard, manager, 'PUT', `${path}/settings`, body)).statusCode,
    ).toBe(404);
    expect(
      (
        await asAccount(apps.dashboard, manager, 'POST', `${path}/settings/rollback`, {
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    const own = await asAccount(
      apps.dashboard,
      manager,
      'PUT',
      `/help-points/${MINE}/settings`,
      settingsFile(MINE),
    );
    expect(own.statusCode).toBe(200);
  });
});
