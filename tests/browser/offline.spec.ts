import { test, expect, openKiosk, openDoor, startVisit, waitForServiceWorker } from './fixtures';

test('after the first load the kiosk works with no network: reload, every door, end', async ({
  page,
  context,
}) => {
  await openKiosk(page);
  await waitForServiceWorker(page);
  // The start-up work ends by checking the help point's local files, through the worker once
  // it controls the page; a reload before then would abort it (and count its requests here).
  await page.waitForFunction(() =>
    performance
      .getEntriesByType('resource')
      .some((entry) => entry.name.endsWith('/local-lessons.json')),
  );

  await context.setOffline(true);
  const failed: string[] = [];
  // Nothing fails offline: the worker answers the configuration from its copy, and a local
  // file this help point does not have with its quiet empty answer.
  page.on('requestfailed', (request) => failed.push(request.url()));
  await page.reload();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();

  await startVisit(page, 'en');
  for (const door of ['lara', 'anvanda', 'testa'] as const) {
    await openDoor(page, door);
    await page.getByTestId('back-home').click();
    await expect(page.locator('[data-screen=home]')).toBeVisible();
  }
  await page.getByTestId('end-visit').click();
  await page.locator('[data-feedback=yes]').click();
  await expect(page.locator('[data-screen=thanks]')).toBeVisible();
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  expect(failed).toEqual([]);
});

test('a cold start with no network is served from the service-worker cache, every language included', async ({
  page,
  context,
}) => {
  await openKiosk(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);

  const cold = await context.newPage();
  await cold.goto('/');
  await expect(cold.locator('[data-screen=attract]')).toBeVisible();
  // Lazily loaded languages were precached too.
  await startVisit(cold, 'ti');
  await expect(cold.locator('h1')).not.toHaveText(/Vad vill du göra/);
  const fontsReady = await cold.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "Noto Sans Ethiopic"', 'ትግርኛ');
  });
  expect(fontsReady).toBe(true);
});

test('the first install of the service worker never reloads the page under a visitor', async ({
  page,
}) => {
  await openKiosk(page);
  await page.evaluate(() => {
    (window as { stillTheSamePage?: boolean }).stillTheSamePage = true;
  });
  await waitForServiceWorker(page);
  // Give a slow machine time for install, activate and clients.claim() to settle.
  await page.waitForTimeout(1500);
  expect(
    await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage),
  ).toBe(true);
});
