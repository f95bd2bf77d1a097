/**
 * Använda in real Chromium: search and the errand page offline, category browsing, the
 * keyboard-only path, the errand-viewed log (and that the typed text is never stored), and
 * the help point's options: opening on the kiosk, and a local catalogue.
 */
import QRCode from 'qrcode';
import {
  test,
  expect,
  openDoor,
  openKiosk,
  readDatabase,
  startVisit,
  waitForServiceWorker,
  type Page,
  endVisit,
  logsOfType,
} from './fixtures';

async function xOf(locator: ReturnType<Page['locator']>): Promise<number> {
  return locator.evaluate((element) => element.getBoundingClientRect().x);
}

const results = (page: Page) => page.getByTestId('search-results').locator('[data-errand]');

test('offline: search with a typo, open the errand, show the QR code, go back', async ({
  page,
  context,
}) => {
  await openKiosk(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await startVisit(page, 'sv');
  await openDoor(page, 'anvanda');

  const search = page.locator('#errand-search');
  await search.pressSequentially('dekalrera');
  await expect(results(page).first()).toHaveAttribute('data-errand', 'deklarera');
  await results(page).first().click();
  await expect(page.locator('[data-screen=errand] h1')).toHaveText('Deklarera');
  await expect(page.getByTestId('eleg-badge')).toHaveText('Kräver BankID eller Freja eID+');

  await page.locator('[data-choice=phone]').click();
  const qr = page.getByTestId('errand-qr');
  await expect(qr).toBeVisible();
  const url = 'https://skatteverket.se/privat/deklaration';
  await expect(qr).toHaveAttribute('aria-label', /skatteverket\.se\/privat\/deklaration/);
  // The drawn modules are exactly the QR code of the e-service address.
  const expected = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
  await expect(qr).toHaveAttribute('data-qr-size', String(expected.size));
  const darkCount = Array.from(expected.data).filter(Boolean).length;
  const drawn = await qr.locator('path').getAttribute('d');
  expect(drawn?.match(/M/g)?.length).toBe(darkCount);

  await page.getByTestId('errand-back').click();
  await expect(search).toHaveValue('dekalrera');
  await expect(results(page).first()).toHaveAttribute('data-errand', 'deklarera');

  await endVisit(page);
  expect(await logsOfType(page, 'errand-viewed')).toEqual([
    { errandId: 'deklarera', foundBy: 'search', choice: 'phone', language: 'sv' },
  ]);
  // The typed text is nowhere on the device: not in the database, not in the page.
  const everything = JSON.stringify(await readDatabase(page));
  expect(everything).not.toContain('dekalrera');
  expect(await page.content()).not.toContain('dekalrera');
});

test('browsing by category, then asking the staff, logs one help request', async ({ page }) => {
  await openKiosk(page);
  await startVisit(page, 'en');
  await openDoor(page, 'anvanda');
  await expect(page.locator('[data-category]')).toHaveCount(10);
  await page.locator('[data-category=library]').click();
  await expect(page.locator('[data-screen=anvanda-category] h1')).toHaveText('The library');
  const listed = await page
    .getByTestId('category-errands')
    .locator('[data-errand]')
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-errand')));
  expect(listed).toEqual(['lanekort', 'e-bocker', 'skriva-ut']);

  await page.locator('[data-errand=e-bocker]').click();
  await page.locator('[data-choice=staff]').click();
  // Where the desk is and when it is staffed come from the help point's configuration.
  await expect(page.locator('[data-panel=staff]')).toContainText('The information desk');
  await expect(page.locator('[data-panel=staff] .hours li')).toHaveCount(2);
  await page.getByTestId('close-panel').click();
  await expect(page.locator('[data-panel=staff]')).toHaveCount(0);
  await expect(page.getByTestId('errand-back')).toHaveText(/Back to The library/);
  await page.getByTestId('errand-back').click();
  await expect(page.locator('[data-screen=anvanda-category]')).toBeVisible();
  await page.getByTestId('back-to-search').click();
  await expect(page.locator('#errand-search')).toBeVisible();

  await endVisit(page);
  // One log for the one page, marked as a help request.
  expect(await logsOfType(page, 'errand-viewed')).toEqual([
    { errandId: 'e-bocker', foundBy: 'category', choice: 'staff', language: 'en' },
  ]);
});

test('no hits: suggestions, the categories and the staffed desk, never an empty screen', async ({
  page,
}) => {
  await openKiosk(page);
  await startVisit(page, 'sv');
  await openDoor(page, 'anvanda');
  await page.locator('#errand-search').fill('qxzvw');
  await expect(page.getByTestId('no-hits')).toBeVisible();
  await expect(page.getByTestId('no-hits').locator('.card--desk')).toBeVisible();
  await expect(page.locator('[data-category]')).toHaveCount(10);
  await expect(page.getByTestId('search-status')).toHaveText(/Vi hittade ingen/);

  // A near miss ("kvrna" for Kivra) gets suggestions; opening one is logged as such.
  await page.locator('#errand-search').fill('kvrna');
  await expect(page.getByTestId('no-hits')).toBeVisible();
  const suggestion = page.getByTestId('suggestions').locator('[data-errand]').first();
  await expect(suggestion).toHaveAttribute('data-errand', 'kivra');
  await suggestion.click();
  await expect(page.locator('[data-screen=errand]')).toBeVisible();
  await page.getByTestId('go-home').click();
  await endVisit(page);
  expect(await logsOfType(page, 'errand-viewed')).toEqual([
    { errandId: 'kivra', foundBy: 'suggestion', choice: 'none', language: 'sv' },
  ]);
});

test('the whole path works with the keyboard alone', async ({ page }) => {
  await openKiosk(page);
  await startVisit(page, 'sv');
  await openDoor(page, 'anvanda');
  const focused = () =>
    page.evaluate(
      () =>
        document.activeElement?.id ||
        document.activeElement?.getAttribute('data-errand') ||
        document.activeElement?.getAttribute('data-choice') ||
        document.activeElement?.getAttribute('data-testid') ||
        document.activeElement?.tagName,
    );
  const tabTo = async (target: string) => {
    for (let presses = 0; presses < 40; presses += 1) {
      if ((await focused()) === target) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target}`);
  };

  await tabTo('errand-search');
  await page.keyboard.type('föräldrapenning');
  await page.keyboard.press('Enter');
  expect(await focused()).toBe('errands-title');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('foraldrapenning');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen=errand] h1')).toBeFocused();
  await tabTo('phone');
  await page.keyboard.press('Enter');
  expect(await focused()).toBe('panel-title');
  await expect(page.getByTestId('errand-qr')).toBeVisible();
  await tabTo('close-panel');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('errand-qr')).toHaveCount(0);
  await tabTo('errand-back');
  await page.keyboard.press('Enter');
  await expect(page.locator('#errand-search')).toHaveValue('föräldrapenning');
});

test.describe('with the help point’s own settings', () => {
  // page.route cannot see requests a service worker answers, so these tests run without one.
  test.use({ serviceWorkers: 'block' });

  test('opening the e-service on the kiosk is off by default; when allowed, it warns first', async ({
    page,
    context,
  }) => {
    await openKiosk(page);
    await startVisit(page, 'sv');
    await openDoor(page, 'anvanda');
    await page.locator('#errand-search').fill('flytta');
    await results(page).first().click();
    await expect(page.locator('[data-choice=kiosk]')).toHaveCount(0);

    const config = (await (await page.request.get('/kiosk-config.json')).json()) as object;
    await page.route('**/kiosk-config.json', (route) =>
      route.fulfill({ json: { ...config, openEServiceOnKiosk: true } }),
    );
    // The e-service itself is not reachable from the test machine: answer for it.
    await context.route('https://www.skatteverket.se/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>e-service</title>' }),
    );
    // A kiosk starts from its checked copy and applies a changed file on its next attract
    // screen; without the copy it reads the file at once, as these tests need.
    await page.evaluate(() => caches.delete('hjalppunkt-config'));
    await page.reload();
    await startVisit(page, 'sv');
    await openDoor(page, 'anvanda');
    await page.locator('#errand-search').fill('flytta');
    await results(page).first().click();
    await page.locator('[data-choice=kiosk]').click();
    await expect(page.locator('[data-panel=kiosk]')).toContainText('Logga ut');
    const popup = context.waitForEvent('page');
    await page.locator('[data-panel=kiosk] .button--primary').click();
    expect((await popup).url()).toContain('skatteverket.se');
    await page.bringToFront();
    await endVisit(page);
    expect((await logsOfType(page, 'errand-viewed'))[0]).toMatchObject({
      errandId: 'flyttanmalan',
      choice: 'kiosk',
    });
  });

  test('a local catalogue adds and overrides errands; a broken one is refused and the last good stays', async ({
    page,
  }) => {
    const local = {
      schemaVersion: 1,
      errands: [
        {
          id: 'sophamtning',
          category: 'municipality',
          agency: 'municipality',
          eServiceUrl: 'https://kommun.example/sophamtning',
          eLegitimation: 'not-needed',
          routesWithoutELeg: ['phone'],
          contact: { phone: '0480-45 00 00', website: null, visit: 'municipality-reception' },
        },
        {
          // The built-in library card errand, with this library's own e-service address.
          id: 'lanekort',
          category: 'library',
          agency: 'library',
          eServiceUrl: 'https://bibliotek.kommun.example/lanekort',
          local: true,
          eLegitimation: 'optional',
          routesWithoutELeg: ['visit'],
          contact: { phone: null, website: null, visit: 'library' },
        },
      ],
      texts: {
        sv: {
          errands: {
            sophamtning: {
              title: 'Beställa extra sophämtning',
              description:
                'Kommunen hämtar grovsopor vid ditt hus. Du beställer och betalar i e-tjänsten.',
              withoutELeg: 'Ring kommunens kontaktcenter.',
              ready: ['Din adress'],
              steps: ['Välj dag.', 'Betala.'],
              keywords: 'sopor, grovsopor, avfall, skräp',
            },
            lanekort: {
              title: 'Skaffa lånekort',
              description: 'Med lånekort lånar du böcker. Du kan ansöka på webben.',
              withoutELeg: 'Kom till biblioteket med id-handling.',
              ready: ['Id-handling'],
              steps: ['Fyll i formuläret.'],
              keywords: 'lånekort, bibliotekskort',
            },
          },
        },
      },
    };
    let served: unknown = local;
    await page.route('**/local-catalogue.json', (route) => route.fulfill({ json: served }));
    await openKiosk(page);
    await startVisit(page, 'en');
    await openDoor(page, 'anvanda');
    await page.locator('#errand-search').fill('grovsopor');
    await expect(results(page).first()).toHaveAttribute('data-errand', 'sophamtning');
    // Shown in Swedish, marked as such, until the municipality translates it.
    await expect(results(page).first().locator('[lang=sv]').first()).toHaveText(
      'Beställa extra sophämtning',
    );
    await page.locator('#errand-search').fill('lånekort');
    await results(page).first().click();
    await page.locator('[data-choice=phone]').click();
    await expect(page.getByTestId('errand-qr')).toHaveAttribute(
      'aria-label',
      /bibliotek\.kommun\.example\/lanekort/,
    );
    await page.getByTestId('go-home').click();
    await endVisit(page);

    served = { ...local, errands: [{ ...local.errands[0], eLegitimation: 'maybe' }] };
    await page.reload();
    await expect(page.locator('[data-notice=local-catalogue]')).toBeVisible();
    await startVisit(page, 'sv');
    await openDoor(page, 'anvanda');
    await page.locator('#errand-search').fill('grovsopor');
    await expect(results(page).first()).toHaveAttribute('data-errand', 'sophamtning');
    await page.locator('#errand-search').fill('deklarera');
    await expect(results(page).first()).toHaveAttribute('data-errand', 'deklarera');
  });
});

for (const language of ['ar', 'fa'] as const) {
  test(`${language}: the search and the errand page are mirrored`, async ({ page }) => {
    await openKiosk(page);
    await startVisit(page, language);
    await openDoor(page, 'anvanda');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const search = page.locator('#errand-search');
    await search.fill('BankID');
    const clear = page.locator('.errand-search .input-row .button');
    const [inputX, clearX] = await Promise.all([xOf(search), xOf(clear)]);
    expect(clearX).toBeLessThan(inputX);

    await results(page).first().click();
    await expect(page.locator('[data-screen=errand]')).toBeVisible();
    const borders = await page.locator('.eleg').evaluate((element) => ({
      right: parseFloat(getComputedStyle(element).borderRightWidth),
      left: parseFloat(getComputedStyle(element).borderLeftWidth),
    }));
    expect(borders.right).toBeGreaterThan(borders.left);
    // Swedish proper names keep their own language inside the mirrored page.
    await expect(page.locator('.errand__agency-name')).toHaveAttribute('lang', 'sv');
    // The heading starts at the right edge.
    const h1End = await page
      .locator('h1 > span')
      .evaluate((element) => element.getBoundingClientRect().right / window.innerWidth);
    expect(h1End).toBeGreaterThan(0.9);
  });
}
