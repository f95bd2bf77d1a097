/**
 * Issue 12, the device's side, in Chromium against a real collector: a poison event is
 * isolated and dead-lettered while the rest of its batch is delivered (and staff send it
 * again), visitor logs carry no time finer than the minute and leave the device once
 * delivered, a wrong device clock is shown, and the e-service window closes with the visit.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  test,
  expect,
  endVisit,
  openDoor,
  openKiosk,
  readDatabase,
  startVisit,
  unlockStaff,
  waitForServiceWorker,
  type Page,
} from './fixtures';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { prepareHelpPoint, waitForSettings } from './enroll';
import { isVisitorEventType, uuidV7Time } from '../../src/protocol/visitor-events';
import { startPoisonProxy, type PoisonProxy } from '../support/poison-proxy';

const HELP_POINT = 'demo-bibliotek';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let dataDir: string;
let collector: RunningCollector;
let proxy: PoisonProxy;

test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hjalppunkt-collector-'));
  collector = await startCollector({ dataDir });
  proxy = await startPoisonProxy(Number(new URL(collector.url).port));
});

test.afterEach(async () => {
  await proxy.close();
  await collector.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * An enrollment link whose collector is the proxy in front of the real collector, for a help
 * point with settings (and so a staff PIN, for the status view).
 */
async function linkThroughProxy(kioskUrl: string) {
  await prepareHelpPoint(collector, HELP_POINT);
  const { link } = await collector.enroll({
    helpPointId: HELP_POINT,
    kioskUrl,
    collectorUrl: proxy.url,
  });
  return link;
}

async function finishVisit(page: Page) {
  await startVisit(page, 'sv');
  await page.getByTestId('end-visit').click();
  await page.getByTestId('skip-feedback').click();
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
}

type Row = { id: string; type?: string; occurredAt?: string; queuedAt?: number; reason?: string };
const rows = async (page: Page, store: string) =>
  ((await readDatabase(page))[store] ?? []) as Row[];

test.describe('on the page’s own clock', () => {
  // Only the page drains (no service worker with the real clock), so the clock can be moved.
  test.use({ serviceWorkers: 'block' });

  test('a poison event is isolated and dead-lettered, the rest of its batch is delivered, and staff send it again', async ({
    page,
    kiosk,
  }) => {
    // A day in the past, so that moving a day on stays within what the collector accepts.
    await page.clock.install({ time: Date.now() - 24 * HOUR - 30 * MINUTE });
    await page.goto(await linkThroughProxy(kiosk.url));
    await waitForSettings(page);

    // No service worker caches the app's chunks here, so the network is cut at the proxy.
    proxy.setDropping(true);
    for (let visit = 0; visit < 3; visit += 1) await finishVisit(page);
    await expect.poll(async () => (await rows(page, 'outbox')).length).toBe(3);
    const queued = (await rows(page, 'outbox')).map((entry) => entry.id);
    const poison = queued[1] as string;
    proxy.poisoned.add(poison);
    proxy.setDropping(false);

    // The batch gets a 500, then (on the next retry timer) is split around the poison.
    // (Ten minutes is the longest backoff, so each jump fires the pending retry timer.)
    await page.clock.fastForward(10 * MINUTE);
    await expect.poll(() => proxy.serverErrors()).toBeGreaterThan(0);
    await page.clock.fastForward(10 * MINUTE);
    await expect.poll(() => collector.countEvents({ type: 'visit' })).toBe(2);
    await expect.poll(async () => (await rows(page, 'outbox')).map((e) => e.id)).toEqual([poison]);
    expect(await collector.listEventIds()).not.toContain(poison);
    expect(await rows(page, 'deadLetters')).toHaveLength(0);

    // Staff see it held back when they sync by hand.
    await unlockStaff(page);
    await page.getByTestId('staff-nav-status').click();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-progress')).toContainText('hålls kvar: 1');
    await page.getByTestId('staff-lock').click();
    await expect(page.locator('[data-screen=attract]')).toBeVisible();

    // A day of only 500s for it, while later visits are delivered: a collector-error dead letter.
    await page.clock.fastForward(24 * HOUR + MINUTE);
    await finishVisit(page);
    await expect.poll(() => collector.countEvents({ type: 'visit' })).toBe(3);
    await expect
      .poll(async () => (await rows(page, 'deadLetters')).map((letter) => letter.reason))
      .toEqual(['collector-error']);
    expect(await rows(page, 'outbox')).toHaveLength(0);

    // The collector is fixed: staff send the dead letters again from the status view.
    proxy.poisoned.clear();
    await unlockStaff(page);
    await page.getByTestId('staff-nav-status').click();
    await expect(page.getByTestId('status-dead-letters')).toContainText('1');
    await page.getByTestId('dead-letters-resend').click();
    await page.getByTestId('dead-letters-resend-confirm').click();
    await expect(page.getByTestId('dead-letters-resent')).toContainText('1');
    await expect.poll(() => collector.countEvents({ type: 'visit' })).toBe(4);
    expect(await collector.listEventIds()).toContain(poison);
    await expect.poll(async () => (await rows(page, 'outbox')).length).toBe(0);
    expect(await rows(page, 'deadLetters')).toHaveLength(0);
  });

  test('a device clock more than five minutes off is shown on the attract screen and the status view', async ({
    page,
    kiosk,
  }) => {
    await page.clock.install({ time: Date.now() + 10 * MINUTE });
    await page.goto(await linkThroughProxy(kiosk.url));
    await waitForSettings(page);
    await finishVisit(page);
    await expect.poll(() => collector.countEvents({ type: 'visit' })).toBe(1);
    await page.clock.fastForward(11_000);
    await expect(page.locator('[data-notice=clock-wrong]')).toContainText('10');

    await unlockStaff(page);
    await page.getByTestId('staff-nav-status').click();
    await expect(page.getByTestId('status-clock')).toHaveAttribute('data-clock', 'wrong');
  });

  test('the e-service window closes when the visit ends, by the visitor or by the idle timer', async ({
    page,
    context,
  }) => {
    await page.clock.install();
    await openKiosk(page);
    const config = (await (await page.request.get('/kiosk-config.json')).json()) as object;
    await page.route('**/kiosk-config.json', (route) =>
      route.fulfill({
        json: {
          ...config,
          openEServiceOnKiosk: true,
          idleSeconds: 20,
          warningSeconds: 30,
          eServiceIdleMinutes: 2,
        },
      }),
    );
    await context.route('https://www.skatteverket.se/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>e-service</title>' }),
    );
    // A kiosk starts from its checked copy and applies a changed file on its next attract
    // screen; without the copy it reads the file at once, as these tests need.
    await page.evaluate(() => caches.delete('hjalppunkt-config'));
    await page.reload();

    const openEService = async () => {
      await startVisit(page, 'sv');
      await openDoor(page, 'anvanda');
      await page.locator('#errand-search').fill('flytta');
      await page.getByTestId('search-results').locator('[data-errand]').first().click();
      await page.locator('[data-choice=kiosk]').click();
      const popup = context.waitForEvent('page');
      await page.locator('[data-panel=kiosk] .button--primary').click();
      const opened = await popup;
      expect(opened.url()).toContain('skatteverket.se');
      await page.bringToFront();
      return opened;
    };

    // 1. The visitor ends the visit.
    const first = await openEService();
    await page.getByTestId('end-visit').click();
    await expect.poll(() => first.isClosed()).toBe(true);
    await page.getByTestId('skip-feedback').click();
    await page.getByTestId('thanks-done').click();

    // 2. The idle timer: 20 s + 30 s would end a visit, but not while the e-service is open.
    const second = await openEService();
    await page.clock.fastForward(61_000);
    await expect(page.getByTestId('idle-warning')).toHaveCount(0);
    expect(second.isClosed()).toBe(false);
    await page.clock.fastForward(60_000);
    await expect(page.getByTestId('idle-warning')).toBeVisible();
    await page.clock.fastForward(31_000);
    await expect(page.locator('[data-screen=attract]')).toBeVisible();
    await expect.poll(() => second.isClosed()).toBe(true);
  });
});

test('visitor logs carry no time finer than the minute, on the device and at the collector, and leave the device once delivered', async ({
  page,
  context,
  kiosk,
}) => {
  await page.goto(await linkThroughProxy(kiosk.url));
  await waitForSettings(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await startVisit(page, 'sv');
  await openDoor(page, 'testa');
  await page.locator('[data-item=e-reader]').click();
  await page.getByTestId('testa-back').click();
  await page.getByTestId('go-home').click();
  await openDoor(page, 'anvanda');
  await page.locator('#errand-search').fill('flytta');
  await page.getByTestId('search-results').locator('[data-errand]').first().click();
  await endVisit(page);

  const isMinute = (iso: string | undefined) => /T\d\d:\d\d:00(\.000)?Z$/.test(iso ?? '');
  await expect
    .poll(async () => (await rows(page, 'logs')).map((log) => log.type).sort())
    .toEqual(['errand-viewed', 'tech-tried', 'visit']);
  const logs = await rows(page, 'logs');
  for (const log of logs) {
    expect(isMinute(log.occurredAt), `${log.type} ${log.occurredAt}`).toBe(true);
    expect(uuidV7Time(log.id) % MINUTE, `${log.type} id ${log.id}`).toBe(0);
  }
  for (const entry of await rows(page, 'outbox')) expect((entry.queuedAt ?? 1) % MINUTE).toBe(0);

  await context.setOffline(false);
  await expect.poll(() => collector.countEvents(), { timeout: 20_000 }).toBe(3);
  expect(proxy.seen.length).toBeGreaterThanOrEqual(3);
  for (const event of proxy.seen) expect(isMinute(event.occurredAt)).toBe(true);
  for (const id of await collector.listEventIds()) expect(uuidV7Time(id) % MINUTE).toBe(0);

  // Delivered: nothing of the visitor is left on the device.
  await expect.poll(async () => (await rows(page, 'outbox')).length).toBe(0);
  await expect
    .poll(async () =>
      (await rows(page, 'logs')).filter((log) => isVisitorEventType(log.type ?? '')),
    )
    .toEqual([]);
});
