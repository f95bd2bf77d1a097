/** Drives the staff screens the way staff do (by tapping chips), with a collector per test. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from './fixtures';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { prepareHelpPoint } from './enroll';

export interface Tap {
  topics: string[];
  time: string;
  outcome: string;
  referredTo?: string;
}

export async function chip(page: Page, group: string, value: string) {
  await page.getByTestId(group).locator(`[data-value="${value}"]`).click();
}

/** The three (or four) taps of the common case; the record saves itself on the last one. */
export async function tagQuestion(page: Page, tap: Tap) {
  const before = await page.getByTestId('record').count();
  for (const topic of tap.topics) await chip(page, 'tag-topics', topic);
  await chip(page, 'tag-time', tap.time);
  await chip(page, 'tag-outcome', tap.outcome);
  if (tap.referredTo) await chip(page, 'tag-referral', tap.referredTo);
  await expect(page.getByTestId('record')).toHaveCount(before + 1);
}

export async function openDetails(page: Page) {
  const details = page.getByTestId('tag-details');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

/** The tally as shown: total, per topic and the sum of the hour rows, read in one go. */
export async function shownTally(page: Page) {
  return page.evaluate(() => {
    const text = document.querySelector('[data-testid=tally-total]')?.textContent ?? '';
    const total = Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN);
    const byTopic: Record<string, number> = {};
    document.querySelectorAll('[data-testid=tally-topics] tbody tr').forEach((row) => {
      byTopic[row.getAttribute('data-topic') ?? ''] = Number(row.querySelector('td')?.textContent);
    });
    let hours = 0;
    document
      .querySelectorAll('[data-testid=tally-hours] tbody td')
      .forEach((cell) => (hours += Number(cell.textContent)));
    return { total, byTopic, hours };
  });
}

/**
 * A fresh collector (PGlite in a temporary directory) for each test of the calling file, with
 * the demo help point's settings and the tests' staff PIN.
 */
export function collectorPerTest(prefix: string): () => RunningCollector {
  let dataDir = '';
  let collector: RunningCollector | null = null;
  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), prefix));
    collector = await startCollector({ dataDir, rateLimit: false });
    await prepareHelpPoint(collector);
  });
  test.afterEach(async () => {
    await collector?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!collector) throw new Error('the collector starts before each test');
    return collector;
  };
}
