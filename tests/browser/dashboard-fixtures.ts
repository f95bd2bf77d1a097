/**
 * The dashboard specs' one fixture: where the built dashboard and its API are, and an admin's
 * login. Today it starts the stand-in API (dashboard-fake-api.ts) because the collector's
 * /admin routes (parts A, B, D of issue 13) are not merged yet. To run the same specs against
 * the real collector, change only `dashboard` below: startCollector(...) serving
 * dist-dashboard/ at /admin/, seed events through enrolled devices (see sync.spec.ts), create
 * an admin account, and pass { url: `${collector.url}/admin/`, admin, close }.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { FAKE_ADMIN, startFakeDashboardApi } from './dashboard-fake-api';

export interface DashboardBackend {
  /** The dashboard's address, ending in /admin/. */
  url: string;
  admin: { email: string; password: string };
}

export const test = base.extend<object, { dashboard: DashboardBackend }>({
  dashboard: [
    // Playwright reads fixture dependencies from the destructuring pattern, so it must be `{}`.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const api = await startFakeDashboardApi();
      await use({ url: api.url, admin: FAKE_ADMIN });
      await api.close();
    },
    { scope: 'worker' },
  ],
});

export { expect };
export type { Page };

/** Opens the dashboard in a language (saved before the app starts) and logs in as the admin. */
export async function logIn(page: Page, dashboard: DashboardBackend, language: 'sv' | 'en' = 'sv') {
  await page.addInitScript((lang) => localStorage.setItem('hp-dashboard-language', lang), language);
  await page.goto(dashboard.url);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.locator('input[name=email]').fill(dashboard.admin.email);
  await page.locator('input[name=password]').fill(dashboard.admin.password);
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('nav')).toBeVisible();
}

/** Presses Tab until the locator has focus (the keyboard-only flow; fails after `limit`). */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((node) => node === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}
