/**
 * Shared browser-test fixtures: a static server for the built app and a collector with the
 * demo help point (one each per worker), and helpers that drive the kiosk the way a visitor
 * does, by tapping what is on screen. Staff mode needs an enrolled kiosk whose settings
 * (with the PIN verifier) have arrived: unlockStaff() and openStatus() enroll the page at the
 * worker's collector first when it is not enrolled yet (see enroll.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.mjs';
import type { LanguageCode } from '../../src/protocol/vocabulary';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { TEST_STAFF_PIN } from '../support/help-point-settings';
import { enrollAt, pageEnrollment, prepareHelpPoint, waitForSettings } from './enroll';

/** The worker's demo collector and kiosk, for the helpers below (one worker per process). */
let demo: { collector: RunningCollector; kioskUrl: string } | null = null;

export const test = base.extend<object, { kiosk: StaticServer; demoCollector: RunningCollector }>({
  kiosk: [
    // Playwright reads fixture dependencies from the destructuring pattern, so it must be `{}`.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer({ root: 'dist' });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  demoCollector: [
    async ({ kiosk }, use) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'hjalppunkt-demo-collector-'));
      const collector = await startCollector({ dataDir, rateLimit: false });
      await prepareHelpPoint(collector);
      demo = { collector, kioskUrl: kiosk.url };
      await use(collector);
      demo = null;
      await collector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', auto: true },
  ],
  baseURL: async ({ kiosk }, use) => {
    await use(kiosk.url);
  },
});

export { expect };
export type { Page };

export const ALL_LANGUAGES: LanguageCode[] = ['sv', 'en', 'ar', 'fa', 'so', 'ti', 'uk', 'fi'];

export async function openKiosk(page: Page) {
  await page.goto('/');
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
}

export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** Attract → language → home, in the given language, waiting until its strings have loaded. */
export async function startVisit(page: Page, language: LanguageCode = 'sv') {
  await page.getByTestId('start').click();
  await expect(page.locator('[data-screen=language]')).toBeVisible();
  await page.locator(`[data-language=${language}]`).click();
  await expect(page.locator('[data-screen=home]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

export async function openDoor(page: Page, door: 'lara' | 'anvanda' | 'testa') {
  await page.locator(`[data-door=${door}]`).click();
  await expect(page.locator(`[data-screen=${door}]`)).toBeVisible();
}

/** Reads every object store of the app's IndexedDB database, as the browser holds it. */
export async function readDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('hjalppunkt');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const result: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      result[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return result;
  });
}

type LogRow = { type: string; event: { data: Record<string, unknown> } };

/**
 * The `data` of every stored log of one type, in id order: oldest first for staff records, but
 * in no particular order within a minute for a visitor's logs (their ids hold only the minute).
 */
export async function logsOfType(page: Page, type: string): Promise<Record<string, unknown>[]> {
  return ((await readDatabase(page)).logs as LogRow[])
    .filter((log) => log.type === type)
    .map((log) => log.event.data);
}

/**
 * Ends the visit without feedback and waits until its visit log is stored (written last), or
 * already delivered: on an enrolled kiosk a delivered visitor log leaves the device at once.
 */
export async function endVisit(page: Page) {
  const endedAt = Date.now();
  await page.getByTestId('end-visit').click();
  await page.getByTestId('skip-feedback').click();
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await expect
    .poll(async () => {
      const database = await readDatabase(page);
      const logs = (database.logs ?? []) as LogRow[];
      if (logs.some((log) => log.type === 'visit')) return true;
      const meta = (database.meta ?? []) as { key: string; value?: { lastSuccessAt?: number } }[];
      const delivered = meta.find((row) => row.key === 'sync.status')?.value?.lastSuccessAt ?? 0;
      return delivered >= endedAt && (database.outbox ?? []).length === 0;
    })
    .toBe(true);
}

/** The staff PIN of the tests' help points (the collector keeps only its verifier). */
export const DEMO_STAFF_PIN = TEST_STAFF_PIN;

/**
 * Makes sure the page is an enrolled kiosk running on its help point's settings: enrolls it
 * at the worker's demo collector if it is not enrolled. Call it before going offline.
 */
export async function enrollForStaff(page: Page) {
  if (!page.url().startsWith('http')) await openKiosk(page);
  if (await pageEnrollment(page)) {
    await waitForSettings(page);
    return;
  }
  if (!demo) throw new Error('the demo collector starts with the worker');
  await enrollAt(page, demo.collector, demo.kioskUrl);
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
}

/** Unlocks staff mode on an idle kiosk with the PIN; staff mode opens on the tagging screen. */
export async function unlockStaff(page: Page) {
  await enrollForStaff(page);
  await page.getByTestId('staff-open').click();
  await page.getByTestId('pin-input').fill(DEMO_STAFF_PIN);
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('staff-app')).toBeVisible();
}

/**
 * Confirms an enrollment link opened on an already enrolled device: checks the new
 * collector's host shown to staff, then gives the PIN.
 */
export async function confirmReEnrollment(page: Page, collectorHost: string) {
  await expect(page.getByTestId('re-enroll-dialog')).toBeVisible();
  await expect(page.getByTestId('re-enroll-host')).toHaveText(collectorHost);
  await page.getByTestId('re-enroll-pin').fill(DEMO_STAFF_PIN);
  await page.getByTestId('re-enroll-submit').click();
  await expect(page.getByTestId('re-enroll-dialog')).toHaveCount(0);
}

/** Opens #status on a kiosk: staff only, so through the PIN. */
export async function openStatus(page: Page, kioskUrl: string) {
  if (!page.url().startsWith(kioskUrl)) await page.goto(kioskUrl);
  await enrollForStaff(page);
  await page.goto(`${kioskUrl}/#status`);
  await page.getByTestId('pin-input').fill(DEMO_STAFF_PIN);
  await page.getByTestId('pin-submit').click();
  await expect(page.locator('[data-screen=device-status]')).toBeVisible();
}
