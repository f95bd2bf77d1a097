/**
 * Drives a lesson the way a visitor does, by touch or by keyboard alone: every step, its
 * practice done for real, and the check answered right. The lesson facts come from the
 * content files, so a new lesson is covered without changing the tests.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { LessonFacts } from '../../src/features/lara/lessons/lesson-schema';
import type { LanguageCode } from '../../src/protocol/vocabulary';

export const LESSONS = (
  JSON.parse(readFileSync('content/lessons/lessons.json', 'utf8')) as { lessons: LessonFacts[] }
).lessons;

export function typeWord(language: LanguageCode): string {
  const locale = JSON.parse(readFileSync(`locales/${language}/common.json`, 'utf8')) as {
    practice: { typeWord: string };
  };
  return locale.practice.typeWord;
}

export type Mode = 'touch' | 'keyboard';

/** Presses Tab until the locator has focus (never clicks), then returns. */
export async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the target');
}

export function driver(page: Page, mode: Mode) {
  return {
    async press(target: Locator) {
      if (mode === 'touch') return target.click();
      await tabTo(page, target);
      await page.keyboard.press('Enter');
    },
    async type(target: Locator, text: string) {
      if (mode === 'touch') return target.fill(text);
      await tabTo(page, target);
      await page.keyboard.type(text);
    },
  };
}

async function doPractice(
  page: Page,
  step: LessonFacts['steps'][number],
  mode: Mode,
  language: LanguageCode,
) {
  if (step.kind !== 'practice') return;
  const act = driver(page, mode);
  switch (step.practice) {
    case 'tap':
      for (const target of [0, 1, 2])
        await act.press(page.locator(`[data-tap-target="${target}"]`));
      break;
    case 'drag':
      if (mode === 'touch')
        await page.getByTestId('drag-item').dragTo(page.getByTestId('drag-zone'));
      else {
        await act.press(page.getByTestId('drag-item'));
        await act.press(page.getByTestId('drag-zone'));
      }
      break;
    case 'type':
      await act.type(page.getByTestId('type-input'), typeWord(language));
      break;
    case 'email':
      await act.type(page.getByTestId('email-subject'), 'Hej');
      await act.type(page.getByTestId('email-message'), 'Ett litet prov.');
      await act.press(page.getByTestId('email-send'));
      break;
    case 'password':
      await act.type(page.getByTestId('password-input'), 'blå cykel äter glass');
      break;
    case 'login-demo':
      await act.press(page.getByTestId('login-mobile'));
      await act.press(page.getByTestId('login-scanned'));
      await act.press(page.getByTestId('login-confirm'));
      break;
    case 'camera':
      await act.press(page.getByTestId('camera-start'));
      // The camera check has its own status line instead of the practice one.
      await expect(page.getByTestId('camera-check')).toHaveAttribute('data-state', 'running');
      return;
    case 'choose':
      await act.press(page.locator(`[data-option="${step.correct}"]`));
      break;
    case 'spot-signs':
      for (const sign of step.signs) await act.press(page.locator(`[data-part="${sign}"]`));
      await act.press(page.getByTestId('signs-check'));
      break;
  }
  await expect(page.getByTestId('practice-status')).not.toBeEmpty();
}

/** From the lesson list: opens the lesson and completes it, ending on the "well done" screen. */
export async function completeLesson(
  page: Page,
  lesson: LessonFacts,
  mode: Mode,
  language: LanguageCode,
) {
  const act = driver(page, mode);
  await act.press(page.locator(`[data-lesson="${lesson.id}"]`));
  for (let index = 0; index < lesson.steps.length; index += 1) {
    const step = lesson.steps[index];
    if (!step) break;
    await expect(page.locator('#step-title')).toBeFocused();
    await expect(page.getByTestId('lesson-progress')).toContainText(String(lesson.steps.length));
    await doPractice(page, step, mode, language);
    await act.press(page.getByTestId('lesson-next'));
  }
  for (const question of lesson.check) {
    await expect(page.locator('[data-screen=lesson-check]')).toBeVisible();
    await act.press(page.locator(`[data-answer="${question.correct}"]`));
    await expect(page.getByTestId('check-feedback')).not.toBeEmpty();
    await act.press(page.getByTestId('lesson-next'));
  }
  await expect(page.locator('[data-screen=lesson-done]')).toBeVisible();
}
