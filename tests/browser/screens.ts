/**
 * Visits every screen of the visitor flow in one language and calls `check` on each, so the
 * accessibility and layout suites cover the same list of screens.
 */
import { expect, type Page } from '@playwright/test';
import type { LanguageCode } from '../../src/protocol/vocabulary';
import { openDoor, startVisit } from './fixtures';

export type ScreenCheck = (screen: string) => Promise<void>;

export async function visitEveryScreen(page: Page, language: LanguageCode, check: ScreenCheck) {
  await page.goto('/');
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  if (language === 'sv') {
    await check('attract');
    await page.getByRole('button', { name: 'Tillgänglighet' }).click();
    await expect(page.locator('[data-screen=statement]')).toBeVisible();
    await check('statement (from attract)');
    await page.getByTestId('statement-back').click();
  }
  await page.getByTestId('start').click();
  await expect(page.locator('[data-screen=language]')).toBeVisible();
  await check('language');
  await page.locator(`[data-language=${language}]`).click();
  await expect(page.locator('[data-screen=home]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await check('home');
  for (const door of ['lara', 'anvanda', 'testa'] as const) {
    await openDoor(page, door);
    await check(door);
    if (door === 'anvanda') await visitAnvandaViews(page, check);
    await page.getByTestId('go-home').click();
  }
  await page.locator('[data-screen=home] .button--quiet').click();
  await expect(page.locator('[data-screen=statement]')).toBeVisible();
  await check('statement');
  await page.getByTestId('statement-back').click();

  await page.clock.fastForward(91_000);
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await check('idle warning');
  await page.getByTestId('more-time').click();

  await page.getByTestId('end-visit').click();
  await expect(page.locator('[data-screen=feedback]')).toBeVisible();
  await check('feedback');
  await page.getByTestId('skip-feedback').click();
  await expect(page.locator('[data-screen=thanks]')).toBeVisible();
  await check('thanks');
  // Reuse the page in the same state for the next language.
  await startVisitReset(page);
}

/** Använda's views: results, no hits, a category, an errand and its phone and staff panels. */
async function visitAnvandaViews(page: Page, check: ScreenCheck) {
  const search = page.locator('#errand-search');
  await expect(search).toBeVisible();
  // A Swedish word works in every language: search covers Swedish too.
  await search.fill('flytta');
  await expect(page.getByTestId('search-results').locator('[data-errand]').first()).toBeVisible();
  await check('anvanda results');
  await search.fill('qxzvw');
  await expect(page.getByTestId('no-hits')).toBeVisible();
  await check('anvanda no hits');
  await page.locator('[data-category=library]').click();
  await expect(page.locator('[data-screen=anvanda-category]')).toBeVisible();
  await check('anvanda category');
  await page.locator('[data-errand=lanekort]').click();
  await expect(page.locator('[data-screen=errand]')).toBeVisible();
  await check('errand (local, no e-service address)');
  await page.getByTestId('errand-back').click();
  await page.getByTestId('back-to-search').click();
  await search.fill('flytta');
  await page.getByTestId('search-results').locator('[data-errand]').first().click();
  await expect(page.locator('[data-screen=errand]')).toBeVisible();
  await check('errand');
  await page.locator('[data-choice=phone]').click();
  await expect(page.getByTestId('errand-qr')).toBeVisible();
  await check('errand phone');
  await page.locator('[data-choice=staff]').click();
  await expect(page.locator('[data-panel=staff]')).toBeVisible();
  await check('errand staff');
}

async function startVisitReset(page: Page) {
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
}

export { startVisit };
