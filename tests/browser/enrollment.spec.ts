/**
 * Enrollment links against the real collector: a link carries a one-time code, so a second
 * kiosk opening it is told it was used while the first keeps delivering; a link opened
 * offline enrolls once the network is back, delivering what was queued before as the
 * device's own. (Re-enrollment behind the PIN: sync.spec.ts.)
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  test,
  expect,
  openKiosk,
  readDatabase,
  startVisit,
  waitForServiceWorker,
  type Page,
} from './fixtures';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';

const HELP_POINT = 'demo-bibliotek';

async function finishVisit(page: Page) {
  await startVisit(page, 'sv');
  await page.getByTestId('end-visit').click();
  await page.getByTestId('skip-feedback').click();
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
}

let dataDir: string;
let collector: RunningCollector;

test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hjalppunkt-collector-'));
  collector = await startCollector({ dataDir });
});

test.afterEach(async () => {
  await collector.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('an enrollment link works once: a second kiosk is told it was used, the first keeps delivering', async ({
  page,
  browser,
  kiosk,
}) => {
  const { link } = await collector.enroll({ helpPointId: HELP_POINT, kioskUrl: kiosk.url });
  await page.goto(link);
  await expect(page.locator('[data-notice=enrolled]')).toBeVisible();

  const otherContext = await browser.newContext();
  try {
    const other = await otherContext.newPage();
    await other.goto(link);
    const used = other.locator('[data-notice=enrollment-used]');
    await expect(used).toBeVisible();
    await expect(used).toContainText('redan använts');
    expect(other.url()).not.toContain('enroll');
    // The second kiosk has no enrollment, and its visits stay queued on it.
    const meta = ((await readDatabase(other)).meta ?? []) as { key: string }[];
    expect(meta.some((row) => row.key === 'enrollment')).toBe(false);
    const axe = await new AxeBuilder({ page: other })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  } finally {
    await otherContext.close();
  }

  await finishVisit(page);
  await expect
    .poll(() => collector.countEvents({ type: 'visit', helpPointId: HELP_POINT }), {
      timeout: 15_000,
    })
    .toBe(1);
  const report = await collector.report();
  expect(report.find((h) => h.helpPointId === HELP_POINT)?.devices).toBe(1);
});

test('a link opened offline keeps its code and enrolls once the network is back', async ({
  page,
  context,
  kiosk,
}) => {
  await openKiosk(page);
  await waitForServiceWorker(page);
  await finishVisit(page);
  const { link } = await collector.enroll({ helpPointId: HELP_POINT, kioskUrl: kiosk.url });
  await context.setOffline(true);
  await page.goto(link);
  await expect(page.locator('[data-notice=enrollment-waiting]')).toBeVisible();
  expect(await collector.countEvents()).toBe(0);
  await context.setOffline(false);
  await expect(page.locator('[data-notice=enrolled]')).toBeVisible({ timeout: 15_000 });
  // The visit made before enrollment, under the device's local id, is delivered as its own.
  await expect.poll(() => collector.countEvents({ type: 'visit' }), { timeout: 15_000 }).toBe(1);
});
