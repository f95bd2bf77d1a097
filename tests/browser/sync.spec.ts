import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  test,
  expect,
  openKiosk,
  readDatabase,
  startVisit,
  openStatus,
  confirmReEnrollment,
  waitForServiceWorker,
  type Page,
} from './fixtures';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { enrollAt, prepareHelpPoint } from './enroll';
import { readEnrollmentLink } from '../support/enroll';

const HELP_POINT = 'demo-bibliotek';
const ADMIN_TOKEN = 'sync-spec-admin-token-of-at-least-32-chars';

async function finishVisit(page: Page) {
  await startVisit(page, 'sv');
  await page.getByTestId('end-visit').click();
  await page.getByTestId('skip-feedback').click();
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
}

async function needsEnrollment(page: Page) {
  const meta = ((await readDatabase(page)).meta ?? []) as { key: string; value: unknown }[];
  const status = meta.find((row) => row.key === 'sync.status')?.value as
    { needsEnrollment?: boolean } | undefined;
  return status?.needsEnrollment === true;
}

async function outboxSize(page: Page) {
  return ((await readDatabase(page)).outbox ?? []).length;
}

let dataDir: string;
let collector: RunningCollector;

test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hjalppunkt-collector-'));
  collector = await startCollector({ dataDir, adminToken: ADMIN_TOKEN });
});

test.afterEach(async () => {
  await collector.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('offline visits queue on the device; Background Sync delivers them exactly once after the page is gone', async ({
  page,
  context,
  kiosk,
}) => {
  const { link } = await collector.enroll({ helpPointId: HELP_POINT, kioskUrl: kiosk.url });
  await page.goto(link);
  await expect(page.locator('[data-notice=enrolled]')).toBeVisible();
  // The token must not linger in the address bar.
  expect(page.url()).not.toContain('enroll');
  await waitForServiceWorker(page);

  await context.setOffline(true);
  for (let visit = 0; visit < 3; visit += 1) await finishVisit(page);
  await expect.poll(() => outboxSize(page)).toBe(3);
  expect(await collector.countEvents()).toBe(0);

  // Close the kiosk page: only the service worker's sync event can deliver now.
  await page.close();
  await context.setOffline(false);
  await expect
    .poll(() => collector.countEvents({ type: 'visit', helpPointId: HELP_POINT }), {
      timeout: 20_000,
    })
    .toBe(3);

  const again = await context.newPage();
  await openKiosk(again);
  await expect.poll(() => outboxSize(again)).toBe(0);
  const database = await readDatabase(again);
  // Delivered visitor logs have left the device.
  expect(database.logs).toHaveLength(0);
  expect(database.deadLetters).toHaveLength(0);
  expect(await collector.countEvents()).toBe(3);
});

test('without Background Sync, the online event and the timer deliver', async ({
  page,
  context,
  kiosk,
}) => {
  await page.addInitScript(() => {
    // Safari and Firefox have no Background Sync: remove it from the page, so the worker never gets a sync event.
    delete (ServiceWorkerRegistration.prototype as { sync?: unknown }).sync;
    delete (window as { SyncManager?: unknown }).SyncManager;
  });
  await page.clock.install();
  const { link } = await collector.enroll({ helpPointId: HELP_POINT, kioskUrl: kiosk.url });
  await page.goto(link);
  await waitForServiceWorker(page);
  expect(await page.evaluate(async () => 'sync' in (await navigator.serviceWorker.ready))).toBe(
    false,
  );

  // 1. The online event.
  await context.setOffline(true);
  for (let visit = 0; visit < 3; visit += 1) await finishVisit(page);
  await expect.poll(() => outboxSize(page)).toBe(3);
  await context.setOffline(false);
  await expect.poll(() => collector.countEvents({ type: 'visit' }), { timeout: 15_000 }).toBe(3);
  await expect.poll(() => outboxSize(page)).toBe(0);

  // 2. The timer: the collector is down while visits end, then comes back.
  const { url } = collector;
  await collector.close();
  for (let visit = 0; visit < 2; visit += 1) await finishVisit(page);
  await expect.poll(() => outboxSize(page)).toBe(2);
  collector = await startCollector({ dataDir, port: Number(new URL(url).port) });
  await expect
    .poll(
      async () => {
        await page.clock.fastForward(60_000);
        return collector.countEvents({ type: 'visit' });
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toBe(5);
  await expect.poll(() => outboxSize(page)).toBe(0);
});

test('events the collector rejects move to the dead letters and show in the staff status view', async ({
  page,
  kiosk,
}) => {
  // Two visits recorded before enrollment, for the configured help point…
  await openKiosk(page);
  await finishVisit(page);
  await finishVisit(page);
  await expect.poll(() => outboxSize(page)).toBe(2);
  // …then the device is enrolled at another help point: the collector refuses to count them there.
  // Staff see the status view with the PIN from that help point's settings.
  await prepareHelpPoint(collector, 'annan-hjalppunkt');
  await enrollAt(page, collector, kiosk.url, { helpPointId: 'annan-hjalppunkt' });
  await expect
    .poll(async () => ((await readDatabase(page)).deadLetters ?? []).length, { timeout: 15_000 })
    .toBe(2);
  expect(await outboxSize(page)).toBe(0);
  expect(await collector.countEvents()).toBe(0);

  await openStatus(page, kiosk.url);
  await expect(page.getByTestId('status-enrollment')).toContainText('annan-hjalppunkt');
  await expect(page.getByTestId('status-queue')).toHaveText('0');
  await expect(page.getByTestId('status-dead-letters')).toContainText('2');
  await expect(page.locator('.dead-letters li')).toHaveCount(2);
  await expect(page.locator('.dead-letters li').first()).toContainText('help-point-mismatch');
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  // A visit after enrollment is counted, and "sync now" reports it.
  await page.getByTestId('staff-lock').click();
  await finishVisit(page);
  await expect
    .poll(() => collector.countEvents({ helpPointId: 'annan-hjalppunkt' }), { timeout: 15_000 })
    .toBe(1);
  await openStatus(page, kiosk.url);
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-progress')).toContainText('Klart');
  await expect(page.getByTestId('status-last-success')).not.toHaveText('Aldrig');
});

test('a revoked token stops sync and asks for a new enrollment; re-enrolling needs the PIN and loses nothing', async ({
  page,
  kiosk,
}) => {
  // The help point's settings carry the staff PIN that re-enrolling asks for.
  await prepareHelpPoint(collector, HELP_POINT);
  const first = await enrollAt(page, collector, kiosk.url, { helpPointId: HELP_POINT });
  const { enrollment } = first;
  // The token is in the device's own storage only: never in the link.
  expect(first.link).not.toContain(enrollment.token);
  const revoked = await fetch(
    `${collector.url}/api/v1/admin/devices/${enrollment.deviceId}/revoke`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    },
  );
  expect(revoked.status).toBe(200);
  await finishVisit(page);
  await expect.poll(() => needsEnrollment(page), { timeout: 15_000 }).toBe(true);
  await page.reload();
  await expect(page.locator('[data-notice=needs-enrollment]')).toBeVisible({ timeout: 15_000 });
  expect(await outboxSize(page)).toBe(1);

  // A new link on an enrolled device changes nothing until staff confirm with the PIN,
  // having seen the collector's host name; cancelling keeps the old enrollment.
  const second = await collector.enroll({ helpPointId: HELP_POINT, kioskUrl: kiosk.url });
  const host = new URL(readEnrollmentLink(second.link).collectorUrl).host;
  await page.goto(second.link);
  await expect(page.getByTestId('re-enroll-host')).toHaveText(host);
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  for (const id of ['re-enroll-submit', 're-enroll-cancel', 're-enroll-pin']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box?.height ?? 0, id).toBeGreaterThanOrEqual(48);
  }
  await page.getByTestId('re-enroll-cancel').click();
  await expect(page.getByTestId('re-enroll-dialog')).toHaveCount(0);
  expect(await collector.countEvents()).toBe(0);
  // A wrong PIN is refused and said so.
  const third = await collector.enroll({ helpPointId: HELP_POINT, kioskUrl: kiosk.url });
  await page.goto(third.link);
  await page.getByTestId('re-enroll-pin').fill('0000');
  await page.getByTestId('re-enroll-submit').click();
  await expect(page.getByTestId('re-enroll-message')).not.toBeEmpty();
  // With the PIN, the device switches, and the visit queued under the old id is delivered.
  await confirmReEnrollment(page, host);
  await expect(page.locator('[data-notice=enrolled]')).toBeVisible();
  await expect.poll(() => collector.countEvents(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => outboxSize(page)).toBe(0);
});

test('when storage is full the kiosk says so and keeps working for visitors', async ({ page }) => {
  await openKiosk(page);
  await finishVisit(page);
  await expect.poll(() => outboxSize(page)).toBe(1);
  // Chromium does not enforce an overridden quota for IndexedDB writes (checked with
  // Storage.overrideQuotaForOrigin), so the browser's own QuotaExceededError is raised from
  // IndexedDB itself: every write to an object store fails as it would on a full disk.
  await page.evaluate(() => {
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.add = fail;
    IDBObjectStore.prototype.put = fail;
  });
  await finishVisit(page);
  await expect(page.locator('[data-notice=storage]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-notice=storage]')).toContainText('1');
  // The next visitor can still use the kiosk.
  await startVisit(page, 'en');
  await expect(page.locator('[data-screen=home]')).toBeVisible();
});
