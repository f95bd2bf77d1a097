/**
 * Enrolling a page in the browser tests, in ONE place: when the way a device enrolls
 * changes (the link's contents, a code exchanged for the token), only this file changes.
 *
 * A kiosk has staff mode only once it is enrolled and its help point's settings (with the
 * PIN verifier) have arrived and been applied, which it does by reloading on the attract
 * screen. enrollPage() waits for exactly that.
 */
import { expect, type Page } from '@playwright/test';
import type { RunningCollector } from '../../server/src/start-collector';
import { TEST_STAFF_PIN, settingsFile } from '../support/help-point-settings';
import { readKioskEnrollment } from '../support/write-outbox';

export const DEMO_HELP_POINT = 'demo-bibliotek';

/**
 * Gives a help point on this collector the demo settings and the tests' staff PIN, through
 * the same code path as `collector:help-point set` and `pin`. Returns the settings version.
 */
export async function prepareHelpPoint(
  collector: RunningCollector,
  helpPointId = DEMO_HELP_POINT,
  config: Record<string, unknown> = {},
): Promise<number> {
  await collector.helpPoints.set(helpPointId, settingsFile(helpPointId, config));
  return collector.helpPoints.setPin(helpPointId, TEST_STAFF_PIN);
}

/** The page's own record of its enrollment (null when it has none). */
export async function pageEnrollment(page: Page): Promise<{ helpPointId: string } | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase | null>((resolve) => {
      const request = indexedDB.open('hjalppunkt');
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    });
    if (!db) return null;
    try {
      if (!db.objectStoreNames.contains('meta')) return null;
      return await new Promise<{ helpPointId: string } | null>((resolve) => {
        const request = db.transaction('meta').objectStore('meta').get('enrollment');
        request.onsuccess = () =>
          resolve(
            (request.result as { value?: { helpPointId: string } } | undefined)?.value ?? null,
          );
        request.onerror = () => resolve(null);
      });
    } finally {
      db.close();
    }
  });
}

/** Waits until the page runs on its help point's settings (at least `version`, if given). */
export async function waitForSettings(page: Page, version?: number) {
  await expect
    .poll(
      async () => Number((await page.locator('html').getAttribute('data-settings-version')) ?? 0),
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(version ?? 1);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/**
 * Opens an enrollment link on the page, and waits until the help point's settings are
 * applied (skip that with `settings: false` for a help point that has none).
 */
export async function enrollPage(page: Page, link: string, options: { settings?: boolean } = {}) {
  await page.goto(link);
  if (options.settings === false) {
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    return;
  }
  await waitForSettings(page);
}

/** Enrolls the page as a kiosk (or staff tablet) of the help point, at this collector. */
export async function enrollAt(
  page: Page,
  collector: RunningCollector,
  kioskUrl: string,
  options: { helpPointId?: string; role?: 'kiosk' | 'staff'; settings?: boolean } = {},
) {
  const enrolled = await collector.enroll({
    helpPointId: options.helpPointId ?? DEMO_HELP_POINT,
    kioskUrl,
    ...(options.role ? { role: options.role } : {}),
  });
  await enrollPage(page, enrolled.link, options);
  // The link carries a one-time code; the token the page got for it is in its own storage.
  return { ...enrolled, enrollment: await readKioskEnrollment(page) };
}
