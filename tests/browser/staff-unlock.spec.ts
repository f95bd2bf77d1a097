/**
 * Unlocking a kiosk's staff mode in Chromium: the discreet control, the PIN (the demo
 * configuration's 2580), wrong tries and the lockout surviving a reload, locking again by
 * itself, and axe on the PIN dialog.
 */
import { test, expect, openKiosk, type Page } from './fixtures';
import { axeViolations } from './axe';

async function tryPin(page: Page, pin: string) {
  await page.getByTestId('pin-input').fill(pin);
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('pin-submit')).toBeEnabled();
}

test('the right PIN opens staff mode, which locks again by itself after ten minutes', async ({
  page,
}) => {
  await page.clock.install();
  await openKiosk(page);
  await page.getByTestId('staff-open').click();
  await expect(page.getByTestId('pin-dialog')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await tryPin(page, '1111');
  await expect(page.getByTestId('pin-message')).toHaveText('Fel kod. Försök kvar innan spärr: 4');
  await page.getByTestId('pin-input').fill('2580');
  await page.getByTestId('pin-submit').click();
  await expect(page.locator('[data-screen=staff-tag]')).toBeVisible();
  // Device status names the ids the logs carry, also before the device is enrolled.
  await page.getByTestId('staff-nav-status').click();
  await expect(page.getByTestId('status-help-point')).toHaveText('demo-bibliotek');
  await expect(page.getByTestId('status-device-id')).toHaveText(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  await page.getByTestId('staff-nav-tag').click();
  await page.clock.fastForward('09:59');
  await expect(page.locator('[data-screen=staff-tag]')).toBeVisible();
  await page.clock.fastForward('00:02');
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
});

test('five wrong PINs lock it out, also after a reload, and the PIN is stored nowhere', async ({
  page,
}) => {
  await openKiosk(page);
  await page.getByTestId('staff-open').click();
  for (let attempt = 0; attempt < 5; attempt += 1) await tryPin(page, '1111');
  await expect(page.getByTestId('pin-message')).toHaveText(/Vänta 30 sekunder/);
  await tryPin(page, '2580');
  await expect(page.getByTestId('pin-message')).toHaveText(/För många fel försök/);

  await page.reload();
  await page.getByTestId('staff-open').click();
  await tryPin(page, '2580');
  await expect(page.getByTestId('pin-message')).toHaveText(/För många fel försök/);
  await page.getByTestId('pin-cancel').click();
  await expect(page.getByTestId('pin-dialog')).toHaveCount(0);

  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('hjalppunkt');
      request.onsuccess = () => resolve(request.result);
    });
    const rows = await new Promise<unknown[]>((resolve) => {
      const request = db.transaction('meta').objectStore('meta').getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
    });
    return JSON.stringify(rows);
  });
  expect(stored).toContain('staffPin.lockout');
  expect(stored).not.toContain('2580');
  expect(stored).not.toContain('1111');
});
