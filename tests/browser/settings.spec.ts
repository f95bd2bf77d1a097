/**
 * Help point settings in Chromium against the real collector: a kiosk that is not enrolled
 * has no staff mode and the public configuration holds no PIN; a change made at the
 * collector reaches an offline-then-online kiosk and is applied only back on the attract
 * screen; the PIN works offline once the settings arrived; a version the kiosk's checks
 * refuse is reported to the collector and the last good one stays in use.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  test,
  expect,
  endVisit,
  openKiosk,
  readDatabase,
  startVisit,
  unlockStaff,
  waitForServiceWorker,
  type Page,
} from './fixtures';
import { axeViolations } from './axe';
import { enrollAt, prepareHelpPoint, waitForSettings } from './enroll';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { SETTINGS_PATH } from '../../src/protocol/help-point-settings';
import { settingsFile } from '../support/help-point-settings';

const HELP_POINT = 'demo-bibliotek';

let dataDir: string;
let collector: RunningCollector;

test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hjalppunkt-settings-'));
  collector = await startCollector({ dataDir, rateLimit: false });
});

test.afterEach(async () => {
  await collector.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The settings version the kiosk keeps as its last good copy (0 for none). */
async function keptVersion(page: Page): Promise<number> {
  const meta = ((await readDatabase(page)).meta ?? []) as { key: string; value: unknown }[];
  const kept = meta.find((row) => row.key === 'helpPointSettings.lastGood')?.value as
    { document?: { version?: number } } | undefined;
  return kept?.document?.version ?? 0;
}

const appliedVersion = async (page: Page) =>
  Number(await page.locator('html').getAttribute('data-settings-version'));

test('a kiosk that is not enrolled has no staff mode, and /kiosk-config.json holds no PIN', async ({
  page,
  kiosk,
}) => {
  const served = await (await fetch(`${kiosk.url}/kiosk-config.json`)).text();
  expect(served).not.toMatch(/staffPin|PBKDF2|"salt"|"hash"/);

  await openKiosk(page);
  await page.getByTestId('staff-open').click();
  await expect(page.locator('[data-screen=not-enrolled]')).toBeVisible();
  await expect(page.getByTestId('pin-dialog')).toHaveCount(0);
  await expect(page.getByTestId('status-enrollment')).toHaveText(/Inte ansluten/);
  await expect(page.getByTestId('status-app-version')).not.toBeEmpty();
  await expect(page.getByTestId('status-how-to-enroll')).toContainText('anslutningslänk');
  // Only those three: nothing of the queue, the device id or the dead letters.
  await expect(page.getByTestId('status-queue')).toHaveCount(0);
  await expect(page.getByTestId('status-device-id')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('status-close').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();

  await page.goto(`${kiosk.url}/#status`);
  await expect(page.locator('[data-screen=not-enrolled]')).toBeVisible();
  await expect(page.getByTestId('pin-dialog')).toHaveCount(0);
});

test('a change at the collector reaches an offline-then-online kiosk and applies only on the attract screen; the PIN works offline', async ({
  page,
  context,
  kiosk,
}) => {
  test.setTimeout(90_000);
  const first = await prepareHelpPoint(collector, HELP_POINT);
  await enrollAt(page, collector, kiosk.url, { helpPointId: HELP_POINT });
  expect(await appliedVersion(page)).toBe(first);
  await waitForServiceWorker(page);

  // Offline, after a reload: the PIN is checked against the verifier kept on the device.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await unlockStaff(page);
  await page.getByTestId('staff-lock').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();

  // A visitor is at the kiosk while the help point's settings change (the CLI's code path).
  await startVisit(page, 'sv');
  const next = await collector.helpPoints.set(
    HELP_POINT,
    settingsFile(HELP_POINT, { helpPointName: 'Nya stadsbiblioteket', staffLockMinutes: 5 }),
  );
  expect(next).toBe(first + 1);
  await context.setOffline(false);
  await expect.poll(() => keptVersion(page), { timeout: 20_000 }).toBe(next);
  // Kept, not applied: the visit goes on with the settings it started with.
  await expect(page.locator('[data-screen=home]')).toBeVisible();
  expect(await appliedVersion(page)).toBe(first);

  await endVisit(page);
  await waitForSettings(page, next);
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  // The new version has the same PIN, and it still opens staff mode.
  await unlockStaff(page);
});

test('a version the kiosk refuses is reported to the collector, and the last good stays', async ({
  page,
  kiosk,
}) => {
  const good = await prepareHelpPoint(collector, HELP_POINT);
  const { enrollment } = await enrollAt(page, collector, kiosk.url, { helpPointId: HELP_POINT });

  // What an older or damaged collector might send: a version the kiosk's schema refuses.
  await page.route(`${collector.url}${SETTINGS_PATH}`, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    // Without If-None-Match, so that the collector answers with the whole document.
    const headers = { ...route.request().headers() };
    delete headers['if-none-match'];
    const response = await route.fetch({ headers });
    const body = (await response.json()) as { version: number; config: Record<string, unknown> };
    return route.fulfill({
      response,
      json: { ...body, version: good + 5, config: { ...body.config, idleSeconds: 5 } },
    });
  });
  // The kiosk asks again when the network comes back; no need to wait for its timer.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));

  await expect
    .poll(() => collector.helpPoints.store.refusals(HELP_POINT), { timeout: 20_000 })
    .toEqual([
      expect.objectContaining({
        deviceId: enrollment.deviceId,
        version: good + 5,
        reason: expect.stringMatching(/^config\.idleSeconds/),
      }),
    ]);
  expect(await keptVersion(page)).toBe(good);
  await page.reload();
  await waitForSettings(page, good);
  expect(await appliedVersion(page)).toBe(good);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
