import { test, expect, openKiosk, startVisit, type Page } from './fixtures';

async function boxes(page: Page) {
  const box = async (selector: string) => {
    const found = await page.locator(selector).first().boundingBox();
    if (!found) throw new Error(`${selector} has no box`);
    return found;
  };
  return {
    lara: await box('[data-door=lara]'),
    testa: await box('[data-door=testa]'),
    end: await box('[data-testid=end-visit]'),
  };
}

for (const language of ['ar', 'fa'] as const) {
  test(`${language} mirrors the layout, and switching back to Swedish restores it`, async ({
    page,
  }) => {
    await openKiosk(page);
    await startVisit(page, 'sv');
    const ltr = await boxes(page);
    expect(ltr.lara.x).toBeLessThan(ltr.testa.x);

    await page.getByTestId('change-language').click();
    await page.locator(`[data-language=${language}]`).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const rtl = await boxes(page);
    expect(rtl.lara.x).toBeGreaterThan(rtl.testa.x);
    // The toolbar mirrors too: "end my visit" moves to the other side.
    expect(Math.sign(rtl.end.x - 640)).toBe(-Math.sign(ltr.end.x - 640));
    const headingAlign = await page
      .locator('h1')
      .evaluate((element) => getComputedStyle(element).direction);
    expect(headingAlign).toBe('rtl');

    await page.getByTestId('change-language').click();
    await page.locator('[data-language=sv]').click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    const back = await boxes(page);
    expect(back.lara.x).toBeCloseTo(ltr.lara.x, 0);
    expect(back.end.x).toBeCloseTo(ltr.end.x, 0);
  });
}

test('the language picker names each language in its own language and script', async ({ page }) => {
  await openKiosk(page);
  await page.getByTestId('start').click();
  await expect(page.locator('[data-screen=language]')).toBeVisible();
  const names = await page
    .locator('[data-language]')
    .evaluateAll((buttons) =>
      buttons.map((button) => `${button.getAttribute('lang')}:${button.textContent}`),
    );
  expect(names).toEqual([
    'sv:Svenska',
    'en:English',
    'ar:العربية',
    'fa:فارسی',
    'so:Soomaali',
    'ti:ትግርኛ',
    'uk:Українська',
    'fi:Suomi',
  ]);
});
