import { test, expect, ALL_LANGUAGES, openDoor, openKiosk, startVisit } from './fixtures';
import { visitEveryScreen } from './screens';
import { layoutProblems } from './layout-check';
import { LESSONS } from './lessons';

const VIEWPORTS = [
  { name: 'kiosk', width: 1280, height: 800 },
  { name: 'tablet', width: 800, height: 1280 },
];

for (const viewport of VIEWPORTS) {
  test(`at 200 % text no screen scrolls sideways and every target is ≥ 48 px (${viewport.name})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.clock.install();
    const problems: string[] = [];
    for (const language of ALL_LANGUAGES) {
      await visitEveryScreen(page, language, async (screen) => {
        if (['attract', 'language', 'statement (from attract)'].includes(screen)) {
          // No visitor (and no text-size control) yet: check these as the browser's own 200 % text zoom.
          await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
        } else {
          // Screens after the visit (thanks) keep the visitor's size but have no toolbar.
          const size = page.locator('button[data-text-size="200"]');
          if ((await size.count()) > 0 && (await size.getAttribute('aria-pressed')) !== 'true')
            await size.click();
          expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('200%');
        }
        const found = await layoutProblems(page);
        const textSize = await page.evaluate(() => document.documentElement.style.fontSize);
        found.forEach((issue) => problems.push(`${language} ${screen} @${textSize}: ${issue}`));
      });
    }
    expect(problems).toEqual([]);
  });
}

for (const language of ['fi', 'ar'] as const) {
  test(`at 200 % text every lesson step and Testa card fits a tablet (${language})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 800, height: 1280 });
    const problems: string[] = [];
    const check = async (screen: string) =>
      (await layoutProblems(page)).forEach((issue) => problems.push(`${screen}: ${issue}`));
    await openKiosk(page);
    await startVisit(page, language);
    await page.locator('button[data-text-size="200"]').click();
    await openDoor(page, 'lara');
    await check('lessons');
    for (const lesson of LESSONS) {
      await page.locator(`[data-lesson="${lesson.id}"]`).click();
      await page.getByTestId('show-resume-code').click();
      for (let step = 0; step < lesson.steps.length; step += 1) {
        await check(`${lesson.id} step ${step + 1}`);
        await page.getByTestId('lesson-next').click();
      }
      for (const [index, question] of lesson.check.entries()) {
        await page.locator(`[data-answer="${question.correct}"]`).click();
        await check(`${lesson.id} question ${index + 1}`);
        await page.getByTestId('lesson-next').click();
      }
      await check(`${lesson.id} done`);
      await page.getByTestId('lesson-leave').click();
    }
    await page.getByTestId('go-home').click();
    await openDoor(page, 'testa');
    for (const item of await page
      .locator('[data-item]')
      .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-item')))) {
      await page.locator(`[data-item="${item}"]`).click();
      await check(`testa ${item}`);
      await page.getByTestId('testa-back').click();
    }
    for (const demo of ['camera-check', 'qr-practice', 'read-aloud']) {
      await page.locator(`[data-demo="${demo}"]`).click();
      await check(`testa ${demo}`);
      await page.getByTestId('testa-back').click();
    }
    expect(problems).toEqual([]);
  });
}
