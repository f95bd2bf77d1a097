/**
 * Every staff screen, in Chromium: axe finds no violations in Swedish, Arabic (right to
 * left) and Ukrainian; at 200 % text nothing scrolls sideways and every target is at least
 * 48 px, on a kiosk and on a portrait tablet; and tagging works by keyboard alone.
 */
import { test, expect, openKiosk, unlockStaff, type Page } from './fixtures';
import { axeViolations } from './axe';
import { layoutProblems } from './layout-check';
import { openDetails, tagQuestion } from './staff-support';

async function chooseLanguage(page: Page, language: 'sv' | 'ar' | 'uk') {
  await page.getByTestId('staff-language').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
}

/** Each staff screen in turn, with the checks run on each. */
async function sweep(page: Page, check: (screen: string) => Promise<void>) {
  await page.getByTestId('staff-nav-tag').click();
  await expect(page.locator('[data-screen=staff-tag]')).toBeVisible();
  await check('tag');
  await openDetails(page);
  await check('tag with details');
  await page.getByTestId('record-edit').first().click();
  await expect(page.getByTestId('tag-editing')).toBeVisible();
  await check('editing a record');
  await page.getByTestId('tag-cancel-edit').click();
  await page.getByTestId('record-delete').first().click();
  await check('confirming a deletion');
  await page.getByTestId('staff-nav-requests').click();
  await expect(page.locator('[data-screen=staff-requests]')).toBeVisible();
  await check('requests');
  await page.getByTestId('staff-nav-courses').click();
  await expect(page.getByTestId('courses-screen')).toBeVisible();
  await check('courses');
  await page.getByTestId('staff-nav-status').click();
  await expect(page.locator('[data-screen=device-status]')).toBeVisible();
  await expect(page.getByTestId('status-queue')).toBeVisible();
  await check('status');
}

async function staffWithOneRecord(page: Page) {
  await openKiosk(page);
  await unlockStaff(page);
  await tagQuestion(page, { topics: ['e-legitimation'], time: '5-15', outcome: 'solved' });
}

for (const language of ['sv', 'ar', 'uk'] as const) {
  test(`axe finds nothing on any staff screen (${language})`, async ({ page }) => {
    await staffWithOneRecord(page);
    await chooseLanguage(page, language);
    const found: string[] = [];
    await sweep(page, async (screen) => {
      for (const violation of await axeViolations(page)) found.push(`${screen}: ${violation}`);
    });
    expect(found).toEqual([]);
  });
}

for (const viewport of [
  { name: 'kiosk', width: 1280, height: 800 },
  { name: 'tablet', width: 800, height: 1280 },
]) {
  test(`at 200 % text no staff screen scrolls sideways and targets are ≥ 48 px (${viewport.name})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await staffWithOneRecord(page);
    await chooseLanguage(page, 'ar');
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const found: string[] = [];
    await sweep(page, async (screen) => {
      for (const problem of await layoutProblems(page)) found.push(`${screen}: ${problem}`);
    });
    expect(found).toEqual([]);
  });
}

test('a question is tagged by keyboard alone', async ({ page }) => {
  await openKiosk(page);
  await unlockStaff(page);
  const pressOn = async (group: string, value: string) => {
    const target = page.getByTestId(group).locator(`[data-value="${value}"]`);
    await target.focus();
    await page.keyboard.press('Enter');
  };
  await pressOn('tag-topics', 'printing-copying-scanning');
  await pressOn('tag-time', 'under-5');
  await expect(page.getByTestId('tag-topics').locator('[aria-pressed=true]')).toHaveCount(1);
  await pressOn('tag-outcome', 'solved');
  await expect(page.getByTestId('record')).toHaveCount(1);
  await expect(page.getByTestId('saved-note')).toContainText('Sparad');
  await page.getByTestId('tag-undo').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('record')).toHaveCount(0);
});
