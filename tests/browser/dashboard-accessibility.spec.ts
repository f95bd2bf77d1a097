/**
 * Every dashboard screen in Swedish and English: axe finds no violations (WCAG 2.2 AA and
 * best practice), and at 200 % text nothing scrolls sideways and every target stays ≥ 48 px.
 */
import { test, expect, logIn, type Page } from './dashboard-fixtures';
import { axeViolations } from './axe';
import { VIEW_IDS } from '../../src/dashboard/api-types';

interface Screen {
  name: string;
  open: (page: Page) => Promise<void>;
}

async function go(page: Page, hash: string) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await expect(page.locator('main h1')).toBeFocused();
}

// axe is injected as an inline script, which the collector's real CSP for /admin/ forbids (as it
// should); the CSP itself is checked in dashboard.spec.ts's main flow.
test.use({ bypassCSP: true });

const SCREENS: Screen[] = [
  { name: 'overview', open: (page) => go(page, '/') },
  ...VIEW_IDS.map((view) => ({
    name: `view ${view}, compared`,
    open: async (page: Page) => {
      await go(page, `/views/${view}`);
      await page.locator('input[name=compare][value=period]').check();
      await page.locator('.filters button[type=submit]').click();
      await expect(page.locator('table thead th')).toHaveCount(3);
    },
  })),
  {
    name: 'exports with the agency report',
    open: async (page) => {
      await go(page, '/exports');
      await page.locator('.agency-report form button[type=submit]').click();
      await expect(page.locator('.agency-report table')).toBeVisible();
    },
  },
  {
    name: 'devices with a new enrollment',
    open: async (page) => {
      await go(page, '/devices');
      await expect(page.locator('tbody tr')).not.toHaveCount(0);
      await page.locator('section[aria-labelledby=enroll-heading] button[type=submit]').click();
      await expect(page.locator('img.qr')).toBeVisible();
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await go(page, '/settings');
      await expect(page.locator('form.settings')).toBeVisible();
    },
  },
  {
    name: 'accounts',
    open: async (page) => {
      await go(page, '/accounts');
      await expect(page.locator('tbody tr')).not.toHaveCount(0);
    },
  },
];

async function sidewaysOverflow(page: Page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Interactive elements smaller than 48 × 48 CSS px (checkbox and radio labels count instead). */
async function smallTargets(page: Page) {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, a, select, input, textarea, [tabindex="0"]',
      ),
    ]
      .filter((element) => element.offsetParent !== null)
      .map((element) => {
        const target =
          element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type)
            ? (element.closest('label') ?? element)
            : element;
        const box = target.getBoundingClientRect();
        return { what: target.outerHTML.slice(0, 80), height: box.height, width: box.width };
      })
      .filter((box) => box.height < 47.5 || box.width < 47.5)
      .map((box) => box.what),
  );
}

for (const language of ['sv', 'en'] as const) {
  test(`axe finds no violations on any dashboard screen, in ${language}`, async ({
    page,
    dashboard,
  }) => {
    await page.addInitScript(
      (lang) => localStorage.setItem('hp-dashboard-language', lang),
      language,
    );
    await page.goto(dashboard.url);
    await expect(page.locator('input[name=email]')).toBeVisible();
    expect(await axeViolations(page), 'login').toEqual([]);
    await logIn(page, dashboard, language);
    for (const screen of SCREENS) {
      await screen.open(page);
      expect(await axeViolations(page), screen.name).toEqual([]);
      expect(await smallTargets(page), screen.name).toEqual([]);
    }
  });
}

test('every screen works at 200 % text without sideways scrolling', async ({ page, dashboard }) => {
  await logIn(page, dashboard, 'sv');
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  for (const screen of SCREENS) {
    await screen.open(page);
    expect(await sidewaysOverflow(page), screen.name).toBeLessThanOrEqual(0);
    // Charts and forms shrink to the screen instead of being cut off.
    const widest = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll('main svg, main form, main figure')].map(
          (element) => element.getBoundingClientRect().right,
        ),
        0,
      ),
    );
    expect(widest, screen.name).toBeLessThanOrEqual(await page.evaluate(() => innerWidth));
  }
});
