/**
 * Unlocking a kiosk's staff mode in Chromium: the discreet control, the PIN (from the help
 * point's settings at the collector), wrong tries and the lockout surviving a reload, locking
 * again by itself after two minutes, and axe on the PIN dialog.
 */
import { test, expect, DEMO_STAFF_PIN, enrollForStaff, openKiosk, type Page } from './fixtures';
import { axeViolations } from './axe';

async function tryPin(page: Page, pin: string) {
  await page.getByTestId('pin-input').fill(pin);
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('pin-submit')).toBeEnabled();
}

test('the right PIN opens staff mode, which locks again by itself after two minutes', async ({
  page,
}) => {
  await page.clock.install();
  await openKiosk(page);
  await enrollForStaff(page);
  await page.getByTestId('staff-open').click();
  await expect(page.getByTestId('pin-dialog')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await tryPin(page, '111111');
  await expect(page.getByTestId('pin-message')).toHaveText('Fel kod. Försök kvar innan spärr: 4');
  await page.getByTestId('pin-input').fill(DEMO_STAFF_PIN);
  await page.getByTestId('pin-submit').click();
  await expect(page.locator('[data-screen=staff-tag]')).toBeVisible();
  // Device status names the ids the logs carry.
  await page.getByTestId('staff-nav-status').click();
  await expect(page.getByTestId('status-help-point')).toHaveText('demo-bibliotek');
  await expect(page.getByTestId('status-device-id')).toHaveText(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  await page.getByTestId('staff-nav-tag').click();
  // The installed clock also runs in real time, so leave room for a slow machine between the
  // last tap and the fast-forward: still open at 1:45, locked by 2:02.
  await page.clock.fastForward('01:45');
  await expect(page.locator('[data-screen=staff-tag]')).toBeVisible();
  await page.clock.fastForward('00:17');
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
});

test('five wrong PINs lock it out, also after a reload, and the PIN is stored nowhere', async ({
  page,
}) => {
  await openKiosk(page);
  await enrollForStaff(page);
  await page.getByTestId('staff-open').click();
  for (let attempt = 0; attempt < 5; attempt += 1) await tryPin(page, '111111');
  await expect(page.getByTestId('pin-message')).toHaveText(/Vänta 30 sekunder/);
  await tryPin(page, DEMO_STAFF_PIN);
  await expect(page.getByTestId('pin-message')).toHaveText(/För många fel försök/);

  await page.reload();
  await page.getByTestId('staff-open').click();
  await tryPin(page, DEMO_STAFF_PIN);
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
    return rows;
  });
  // Every stored value, as text: a PIN must not be one of them nor inside one. Numbers are
  // compared whole, since a lockout timestamp may happen to contain the digits "1111".
  const values: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') values.push(String(value));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(stored);
  expect(values).toContain('staffPin.lockout');
  for (const pin of [DEMO_STAFF_PIN, '111111']) {
    expect(values.filter((value) => value === pin)).toEqual([]);
    expect(values.filter((value) => Number.isNaN(Number(value)) && value.includes(pin))).toEqual(
      [],
    );
  }
});
