/**
 * The benchmarks' help point: staff mode needs an enrolled kiosk with its help point's
 * settings (and PIN verifier) from the collector, as in the browser tests.
 */
import type { Page } from 'playwright-core';
import type { RunningCollector } from '../server/src/start-collector';
import { TEST_STAFF_PIN, settingsFile } from '../tests/support/help-point-settings';
import { readKioskEnrollment } from '../tests/support/write-outbox';

export const BENCH_STAFF_PIN = TEST_STAFF_PIN;

/** Enrolls the page at the help point (given the demo settings and PIN) and waits for them. */
export async function enrollWithSettings(
  page: Page,
  collector: RunningCollector,
  kioskUrl: string,
  helpPointId: string,
) {
  await collector.helpPoints.set(helpPointId, settingsFile(helpPointId));
  await collector.helpPoints.setPin(helpPointId, BENCH_STAFF_PIN);
  const enrolled = await collector.enroll({ helpPointId, kioskUrl });
  await page.goto(enrolled.link);
  // The kiosk applies its settings by reloading on the attract screen.
  await page.waitForFunction(() => document.documentElement.dataset.settingsVersion !== undefined);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  // The link carries a one-time code; the token the page got for it is in its own storage.
  return readKioskEnrollment(page);
}
