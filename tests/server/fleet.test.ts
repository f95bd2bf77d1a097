// Fleet health (issue 13, part D): heartbeats update the device list and never a count; the
// warnings; rename, revoke and enroll; who may do what, through the real accounts, login,
// session cookie and CSRF token (AccessControl as the collector builds it), on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/src/store/open-store';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { HEARTBEAT_PATH, type FleetDeviceView } from '../../src/protocol/fleet';
import { EVENTS_PATH, ENROLL_PATH, type Enrollment } from '../../src/protocol/sync-api';
import { settingsFile } from '../support/help-point-settings';
import {
  account,
  asAccount,
  buildFleetApps,
  enrollDevice,
  placeHelpPoints,
  type FleetApps,
} from './fleet-support';
import {
  makeEvent,
  SETUP_TIMEOUT_MS,
  STORE_CASES,
  uniqueHelpPoint,
  type StoreSetup,
} from './support';

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const heartbeat = (overrides: Record<string, unknown> = {}) => ({
  appVersion: '1.4.0',
  queueDepth: 3,
  deadLetters: 1,
  storagePersisted: true,
  settingsVersion: 1,
  settingsRefused: null,
  deadLettersByReason: { 'unknown-code': 1 },
  storageUsedBytes: 120_000,
  storageQuotaBytes: 2_000_000_000,
  lastError: null,
  clockSkewSeconds: 1,
  ...overrides,
});

describe.each(STORE_CASES)('fleet health on $name', (storeCase) => {
  let setup: StoreSetup;
  let store: CollectorStore;
  let apps: FleetApps;
  // Two hours on: every device enrolled now has been silent longer than the hour allowed.
  let clock = new Date();
  const HERE = uniqueHelpPoint('fleet');
  const admin = account('admin', '0880');
  const viewer = account('viewer', '0880');
  const manager = account('manager', '0880', []);
  const stranger = account('admin', '1480');
  let kiosk: Enrollment;
  let silent: Enrollment;

  const beat = (who: Enrollment, body: unknown) =>
    apps.device.inject({
      method: 'POST',
      url: HEARTBEAT_PATH,
      headers: { authorization: `Bearer ${who.token}` },
      payload: body as object,
    });
  const devices = async () =>
    (await asAccount(apps.dashboard, admin, 'GET', '/devices')).json<{
      devices: FleetDeviceView[];
    }>().devices;

  beforeAll(async () => {
    setup = await storeCase.setup();
    store = await openStore(setup.options);
    apps = await buildFleetApps(store, () => clock, { currentAppVersion: '1.5.0' });
    await store.settings.put(
      HERE,
      'Stadsbiblioteket',
      settingsFile(HERE, {
        staffedHours: [{ days: EVERY_DAY, from: '00:00', to: '23:59' }],
      }) as never,
    );
    await placeHelpPoints(store, { '0880': [HERE] });
    kiosk = await enrollDevice(store, apps.device, HERE);
    silent = await enrollDevice(store, apps.device, HERE, 'staff');
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await apps?.close();
    await store?.close();
    await setup?.teardown();
  });

  it('stores a heartbeat on the device and changes no count', async () => {
    await apps.device.inject({
      method: 'POST',
      url: EVENTS_PATH,
      headers: { authorization: `Bearer ${kiosk.token}` },
      payload: { events: [makeEvent({ helpPointId: HERE, deviceId: kiosk.deviceId }, 'visit')] },
    });
    const before = { events: await store.events.count(), report: await store.events.report() };
    const answer = await beat(kiosk, heartbeat());
    expect(answer.statusCode).toBe(204);
    expect(await store.events.count()).toBe(before.events);
    expect(await store.events.report()).toEqual(before.report);
    const row = (await devices()).find((device) => device.id === kiosk.deviceId);
    expect(row?.heartbeat).toEqual(heartbeat());
    expect(row?.lastSeenAt).toBe(clock.toISOString());
    expect(row).toMatchObject({ helpPointId: HERE, role: 'kiosk', name: null });
  });

  it('refuses a heartbeat with free text, and one from a revoked device', async () => {
    expect((await beat(kiosk, heartbeat({ lastError: 'TypeError: at foo' }))).statusCode).toBe(400);
    expect((await beat(kiosk, { ...heartbeat(), note: 'hi' })).statusCode).toBe(400);
    const revoked = await enrollDevice(store, apps.device, HERE);
    await store.devices.revoke(revoked.deviceId);
    expect((await beat(revoked, heartbeat())).statusCode).toBe(403);
  });

  it('warns: not seen in staffed hours, queue growing, old version, refused settings, clock, storage', async () => {
    clock = new Date(Date.now() + 2 * 60 * 60_000);
    await beat(kiosk, heartbeat({ queueDepth: 3 }));
    await beat(
      kiosk,
      heartbeat({
        queueDepth: 40,
        appVersion: '1.4.9',
        settingsRefused: { version: 2, reason: 'config.idleSeconds' },
        clockSkewSeconds: -600,
        storagePersisted: false,
      }),
    );
    const list = await devices();
    expect(list.find((device) => device.id === kiosk.deviceId)?.warnings).toEqual([
      'queue-growing',
      'old-version',
      'settings-refused',
      'clock-wrong',
      'storage-not-persistent',
    ]);
    expect(list.find((device) => device.id === silent.deviceId)?.warnings).toEqual(['not-seen']);
    await beat(kiosk, heartbeat({ queueDepth: 0, appVersion: '1.5.0' }));
    expect((await devices()).find((device) => device.id === kiosk.deviceId)?.warnings).toEqual([]);
    clock = new Date();
  });

  it('renames and revokes a device; a viewer, a stranger and no one cannot', async () => {
    const path = `/devices/${kiosk.deviceId}`;
    expect(
      (await asAccount(apps.dashboard, null, 'POST', `${path}/name`, { name: 'X' })).statusCode,
    ).toBe(401);
    expect(
      (await asAccount(apps.dashboard, viewer, 'POST', `${path}/name`, { name: 'X' })).statusCode,
    ).toBe(403);
    expect(
      (await asAccount(apps.dashboard, stranger, 'POST', `${path}/name`, { name: 'X' })).statusCode,
    ).toBe(404);
    expect((await asAccount(apps.dashboard, manager, 'POST', `${path}/revoke`)).statusCode).toBe(
      404,
    );
    expect(
      (await asAccount(apps.dashboard, admin, 'POST', `${path}/name`, { name: '\u202e' }))
        .statusCode,
    ).toBe(400);
    const renamed = await asAccount(apps.dashboard, admin, 'POST', `${path}/name`, {
      name: 'Kiosken vid entrén',
    });
    expect(renamed.statusCode).toBe(200);
    expect((await devices()).find((device) => device.id === kiosk.deviceId)?.name).toBe(
      'Kiosken vid entrén',
    );
    // A stranger's list holds none of this municipality's devices.
    const theirs = await asAccount(apps.dashboard, stranger, 'GET', '/devices');
    expect(theirs.json()).toEqual({ devices: [] });

    const victim = await enrollDevice(store, apps.device, HERE);
    const revoked = await asAccount(
      apps.dashboard,
      admin,
      'POST',
      `/devices/${victim.deviceId}/revoke`,
    );
    expect(revoked.statusCode).toBe(200);
    const events = await apps.device.inject({
      method: 'POST',
      url: EVENTS_PATH,
      headers: { authorization: `Bearer ${victim.token}` },
      payload: { events: [makeEvent({ helpPointId: HERE, deviceId: victim.deviceId })] },
    });
    expect(events.statusCode).toBe(403);
    expect(
      (await devices()).find((device) => device.id === victim.deviceId)?.revokedAt,
    ).toBeTruthy();
  });

  it('enrolls with a single-use code and its QR code', async () => {
    expect(
      (
        await asAccount(apps.dashboard, viewer, 'POST', '/enrollments', {
          helpPointId: HERE,
          role: 'kiosk',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await asAccount(apps.dashboard, stranger, 'POST', '/enrollments', {
          helpPointId: HERE,
          role: 'kiosk',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await asAccount(apps.dashboard, admin, 'POST', '/enrollments', {
          helpPointId: HERE,
          role: 'tv',
        })
      ).statusCode,
    ).toBe(400);
    const made = await asAccount(apps.dashboard, admin, 'POST', '/enrollments', {
      helpPointId: HERE,
      role: 'staff',
    });
    expect(made.statusCode).toBe(201);
    const body = made.json<{ link: string; expiresAt: string; qrSvg: string }>();
    expect(body.link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#enroll=/);
    expect(body.qrSvg).toMatch(/^<svg/);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    const { readEnrollmentLink } = await import('../support/enroll');
    const { code } = readEnrollmentLink(body.link);
    const exchange = () =>
      apps.device.inject({ method: 'POST', url: ENROLL_PATH, payload: { code } });
    const first = await exchange();
    expect(first.statusCode).toBe(200);
    expect(first.json().enrollment).toMatchObject({ helpPointId: HERE, role: 'staff' });
    expect((await exchange()).statusCode).toBe(410);
  });
});
