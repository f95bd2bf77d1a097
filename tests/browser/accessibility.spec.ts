import { test, expect, ALL_LANGUAGES } from './fixtures';
import { visitEveryScreen } from './screens';
import { axeViolations } from './axe';

for (const language of ALL_LANGUAGES) {
  test(`axe-core finds no violations on any screen in ${language}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.install();
    const violations: string[] = [];
    let screens = 0;
    await visitEveryScreen(page, language, async (screen) => {
      screens += 1;
      for (const violation of await axeViolations(page)) violations.push(`${screen}: ${violation}`);
    });
    expect(screens).toBeGreaterThanOrEqual(language === 'sv' ? 18 : 16);
    expect(violations).toEqual([]);
  });
}

test('text in another language than the page carries its own lang attribute', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  const greetings = await page
    .locator('.greetings li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('lang')));
  expect(greetings).toEqual(['en', 'ar', 'fa', 'so', 'ti', 'uk', 'fi']);
  await page.getByTestId('start').click();
  await page.locator('[data-language=en]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('[data-door=lara] [lang=sv]')).toHaveText('Lära');
  await expect(page.locator('.visit-toolbar__brand')).toHaveAttribute('lang', 'sv');
});

test('everything works by keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  // The browser window must have focus for Tab to move focus inside the page: once in a
  // while, right after the previous test's window closed, it did not (a harness race).
  await page.bringToFront();
  await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(true);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('start')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen=language]')).toBeVisible();
  // Focus moves to the new screen's heading; the next Tab stops walk through the toolbar.
  await expect(page.locator('h1')).toBeFocused();
  let reached = false;
  for (let step = 0; step < 20 && !reached; step += 1) {
    await page.keyboard.press('Tab');
    reached = await page
      .locator('[data-language=en]')
      .evaluate((element) => element === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen=home]')).toBeVisible();
  for (let step = 0; step < 20; step += 1) {
    await page.keyboard.press('Tab');
    if (
      await page
        .locator('[data-door=testa]')
        .evaluate((element) => element === document.activeElement)
    )
      break;
  }
  await page.keyboard.press('Space');
  await expect(page.locator('[data-screen=testa]')).toBeVisible();
  // The focus ring is visible.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(
    () => getComputedStyle(document.activeElement as Element).outlineStyle,
  );
  expect(outline).toBe('solid');
});
