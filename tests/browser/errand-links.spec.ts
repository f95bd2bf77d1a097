/**
 * Errand links in real Chromium (issue 15): the QR code carries the errand's verified deep
 * link; in an Arabic session an errand with an Arabic agency page offers it, and the QR code
 * can carry that page instead; a municipality's local catalogue replaces an errand's link.
 * A QR code is decoded by reading the drawn modules back and comparing them, module by
 * module, with the QR code of the expected address.
 */
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { test, expect, openDoor, openKiosk, startVisit, type Page } from './fixtures';
import type { LanguageCode } from '../../src/protocol/vocabulary';
import { axeViolations } from './axe';
import { layoutProblems } from './layout-check';

interface Facts {
  errands: {
    id: string;
    eServiceUrl: string | null;
    link: { kind: string };
    languagePages?: { lang: string; url: string; scope: string }[];
  }[];
}
const facts = JSON.parse(readFileSync('content/catalogue/errands.json', 'utf8')) as Facts;
const titles = (language: LanguageCode) =>
  (
    JSON.parse(readFileSync(`content/catalogue/${language}.json`, 'utf8')) as {
      errands: Record<string, { title: string }>;
    }
  ).errands;

/** The dark modules the page drew, as "x,y" (the code's own coordinates, quiet zone removed). */
async function drawnModules(page: Page): Promise<Set<string>> {
  const d = (await page.getByTestId('errand-qr').locator('path').getAttribute('d')) ?? '';
  const quiet = 4;
  return new Set(
    [...d.matchAll(/M(\d+) (\d+)/g)].map(([, x, y]) => `${Number(x) - quiet},${Number(y) - quiet}`),
  );
}

function expectedModules(text: string): Set<string> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const dark = new Set<string>();
  for (let y = 0; y < modules.size; y += 1)
    for (let x = 0; x < modules.size; x += 1) if (modules.get(y, x)) dark.add(`${x},${y}`);
  return dark;
}

async function expectQrFor(page: Page, address: string) {
  await expect(page.getByTestId('errand-qr')).toHaveAttribute(
    'data-qr-size',
    String(QRCode.create(address, { errorCorrectionLevel: 'M' }).modules.size),
  );
  await expect
    .poll(async () => [...(await drawnModules(page))].sort())
    .toEqual([...expectedModules(address)].sort());
}

async function openErrand(page: Page, language: LanguageCode, errandId: string) {
  const title = titles(language)[errandId]?.title;
  if (!title) throw new Error(`no ${language} title for ${errandId}`);
  await page.locator('#errand-search').fill(title);
  await page.getByTestId('search-results').locator(`[data-errand="${errandId}"]`).first().click();
  await expect(page.locator('[data-screen=errand]')).toBeVisible();
}

test('the QR code on an errand page carries the errand’s verified deep link', async ({ page }) => {
  const errand = facts.errands.find(
    (one) => one.id === 'pass' && one.link.kind === 'deep' && one.eServiceUrl,
  );
  if (!errand?.eServiceUrl) throw new Error('the pass errand has no verified deep link');
  await openKiosk(page);
  await startVisit(page, 'sv');
  await openDoor(page, 'anvanda');
  await openErrand(page, 'sv', errand.id);
  // Only Swedish: no language page is offered, the QR code carries the e-service.
  await expect(page.locator('[data-choice=language-page]')).toHaveCount(0);
  await page.locator('[data-choice=phone]').click();
  await expect(page.locator('[data-qr-target]')).toHaveCount(0);
  await expectQrFor(page, errand.eServiceUrl);
  expect(errand.eServiceUrl).not.toBe('https://polisen.se');
});

test('in Arabic, an errand with an Arabic agency page offers it, and the QR code carries it', async ({
  page,
}) => {
  // Real data: the first errand whose agency has an Arabic page in the catalogue.
  const errand = facts.errands.find((one) =>
    one.languagePages?.some((languagePage) => languagePage.lang === 'ar'),
  );
  const pages = (errand?.languagePages ?? []).filter((one) => one.lang === 'ar');
  const arabicPage = pages.find((one) => one.scope === 'errand') ?? pages[0];
  const swedish = errand?.eServiceUrl;
  if (!errand || !arabicPage || !swedish) throw new Error('no errand with an Arabic page');
  const errandId = errand.id;

  await openKiosk(page);
  await startVisit(page, 'ar');
  await openDoor(page, 'anvanda');
  await openErrand(page, 'ar', errandId);
  const offer = page.locator('[data-choice=language-page]');
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(/بالعربية/);
  await offer.click();
  await expect(page.locator('[data-qr-target=language]')).toHaveAttribute('aria-pressed', 'true');
  await expectQrFor(page, arabicPage.url);
  // Every new control is a full target and the mirrored page has no axe violations.
  for (const control of await page.locator('[data-qr-target], [data-choice]').all()) {
    const box = await control.boundingBox();
    expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(48);
  }
  expect(await axeViolations(page)).toEqual([]);
  // At 200 % text on a tablet the long offer and the choice still fit without sideways scroll.
  await page.setViewportSize({ width: 800, height: 1280 });
  await page.locator('button[data-text-size="200"]').click();
  expect(await layoutProblems(page)).toEqual([]);

  // The e-service stays the Swedish one: the visitor can switch the code to it.
  await page.locator('[data-qr-target=swedish]').click();
  await expect(page.locator('[data-qr-target=swedish]')).toHaveAttribute('aria-pressed', 'true');
  await expectQrFor(page, swedish);
});

test.describe('with a local catalogue', () => {
  // page.route cannot see requests a service worker answers, so these run without one.
  test.use({ serviceWorkers: 'block' });

  const kalmarBygglov = 'https://www.kalmar.se/bygga-och-bo/bygglov';
  const kalmarArabic = 'https://www.kalmar.se/ar/bygglov';
  const local = {
    schemaVersion: 1,
    errands: [],
    texts: {},
    links: {
      bygglov: {
        eServiceUrl: kalmarBygglov,
        link: { kind: 'deep', verifiedAt: '2026-12-01', source: kalmarBygglov },
        languagePages: [
          {
            lang: 'ar',
            url: kalmarArabic,
            scope: 'errand',
            verifiedAt: '2026-12-01',
            source: kalmarArabic,
          },
        ],
      },
    },
  };

  test('a municipality’s override replaces the errand’s link', async ({ page }) => {
    await openKiosk(page);
    await startVisit(page, 'sv');
    await openDoor(page, 'anvanda');
    await openErrand(page, 'sv', 'bygglov');
    // Built in, building permits have no national address: only the staff.
    await expect(page.locator('[data-choice=phone]')).toHaveCount(0);

    await page.route('**/local-catalogue.json', (route) => route.fulfill({ json: local }));
    await page.reload();
    await startVisit(page, 'sv');
    await openDoor(page, 'anvanda');
    await openErrand(page, 'sv', 'bygglov');
    await page.locator('[data-choice=phone]').click();
    await expectQrFor(page, kalmarBygglov);
    await expect(page.locator('[data-panel=phone]')).toContainText(
      'kalmar.se/bygga-och-bo/bygglov',
    );
  });
});
