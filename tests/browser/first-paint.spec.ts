/**
 * The first second, as index.html and the service worker now shape it:
 *  - the attract screen is in index.html itself (drawn at build time), painted before the app's
 *    script has run, and inert until then: nothing on it can be focused or tapped, and the
 *    working screen the app draws takes its place with the start button where it was;
 *  - once installed, the worker's static route serves the build's hashed files straight from
 *    the precache (Chromium's service-worker static routing), offline too.
 */
import { test, expect, waitForServiceWorker } from './fixtures';

test('the attract screen is painted from index.html before the app runs, and inert until then', async ({
  page,
}) => {
  // Hold the app back: only the entry and the page's stylesheet arrive.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/boot-*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const firstPaint = page.locator('[data-screen=attract-first-paint]');
  await expect(firstPaint).toBeVisible();
  await expect(firstPaint.locator('h1')).toHaveText('Välkommen till Hjälppunkten');
  await expect(firstPaint.locator('.greetings li')).toHaveCount(7);
  await expect(firstPaint).toHaveAttribute('inert', '');
  // Inert: Tab finds nothing to focus on it, and it is not the screen tests and people use.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') ?? null)).toBeNull();
  await expect(page.locator('[data-screen=attract]')).toHaveCount(0);
  const before = await firstPaint.locator('.button--start').boundingBox();
  expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBeUndefined();

  release();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(firstPaint).toHaveCount(0);
  const after = await page.getByTestId('start').boundingBox();
  expect(after).toEqual(before);
  await page.getByTestId('start').click();
  await expect(page.locator('[data-screen=language]')).toBeVisible();
});

test('once installed, the hashed files come from the precache without waking the worker, offline too', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  const sources = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.startsWith('/assets/'))
      .map((entry) => ({
        path: new URL(entry.name).pathname,
        source: (entry as PerformanceResourceTiming & { workerMatchedSourceType?: string })
          .workerMatchedSourceType,
      })),
  );
  expect(sources.length).toBeGreaterThan(3);
  expect(sources.filter((entry) => entry.source !== 'cache')).toEqual([]);
  await page.getByTestId('start').click();
  await expect(page.locator('[data-screen=language]')).toBeVisible();
});
