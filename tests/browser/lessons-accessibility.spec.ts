/**
 * axe-core on every lesson step , every check question (answered),
 * every "well done" screen, every Testa card and demo, in all eight languages.
 */
import { test, expect, ALL_LANGUAGES, openDoor, openKiosk, startVisit } from './fixtures';
import { LESSONS } from './lessons';
import { axeViolations } from './axe';

for (const language of ALL_LANGUAGES) {
  test(`axe finds no violations on any lesson step or Testa card in ${language}`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const found: string[] = [];
    let screens = 0;
    const check = async (screen: string) => {
      screens += 1;
      for (const violation of await axeViolations(page)) found.push(`${screen}: ${violation}`);
    };
    await openKiosk(page);
    await startVisit(page, language);
    await openDoor(page, 'lara');
    await check('lessons');
    for (const lesson of LESSONS) {
      await page.locator(`[data-lesson="${lesson.id}"]`).click();
      for (let step = 0; step < lesson.steps.length; step += 1) {
        await expect(page.locator('#step-title')).toBeFocused();
        if (step === 0) await page.getByTestId('show-resume-code').click();
        await check(`${lesson.id} step ${step + 1}`);
        await page.getByTestId('lesson-next').click();
      }
      for (const [index, question] of lesson.check.entries()) {
        await page.locator(`[data-answer="${(question.correct + 1) % question.answers}"]`).click();
        await check(`${lesson.id} question ${index + 1}`);
        await page.locator(`[data-answer="${question.correct}"]`).click();
        await page.getByTestId('lesson-next').click();
      }
      await check(`${lesson.id} done`);
      await page.getByTestId('lesson-leave').click();
    }
    await page.getByTestId('go-home').click();
    await openDoor(page, 'testa');
    await check('testa');
    for (const item of await page
      .locator('[data-item]')
      .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-item')))) {
      await page.locator(`[data-item="${item}"]`).click();
      await check(`testa ${item}`);
      await page.getByTestId('testa-back').click();
    }
    for (const demo of ['camera-check', 'qr-practice', 'read-aloud']) {
      await page.locator(`[data-demo="${demo}"]`).click();
      if (demo === 'camera-check') {
        await page.getByTestId('camera-start').click();
        await expect(page.getByTestId('camera-check')).toHaveAttribute('data-state', 'running');
      }
      await check(`testa ${demo}`);
      await page.getByTestId('testa-back').click();
    }
    expect(screens).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
}
