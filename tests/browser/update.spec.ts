import { test, expect, openKiosk, startVisit, waitForServiceWorker } from './fixtures';
import { NEXT_VERSION } from './global-setup';

test('a new version waits during a visit and is applied on the attract screen', async ({
  page,
  kiosk,
}) => {
  kiosk.setRoot('dist');
  await page.clock.install();
  await openKiosk(page);
  await waitForServiceWorker(page);
  const firstVersion = await page.getByTestId('app-version').innerText();
  expect(firstVersion).not.toContain(NEXT_VERSION);

  await startVisit(page, 'en');
  kiosk.setRoot('dist-next');
  try {
    // The kiosk never navigates: its timer looks for the update (default every 30 minutes).
    // Activity first, so the idle warning does not interfere while the clock jumps.
    for (let minute = 0; minute < 30; minute += 1) {
      await page.mouse.move(10 + minute, 10);
      await page.mouse.down();
      await page.mouse.up();
      await page.clock.fastForward(60_000);
    }
    await expect
      .poll(() =>
        page.evaluate(async () =>
          Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
        ),
      )
      .toBe(true);

    // Mid-visit: nothing changes for the visitor.
    await expect(page.locator('[data-screen=home]')).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(page.locator('[data-screen=home]')).toBeVisible();

    await page.getByTestId('end-visit').click();
    await page.getByTestId('skip-feedback').click();
    await page.getByTestId('thanks-done').click();

    // Idle on the attract screen: the update is applied and the page reloads into it.
    await expect(page.getByTestId('app-version')).toContainText(NEXT_VERSION, { timeout: 20_000 });
    await expect(page.locator('[data-screen=attract]')).toBeVisible();
  } finally {
    kiosk.setRoot('dist');
  }
});
