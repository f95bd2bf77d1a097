// A kiosk whose clock is wrong: the real collector rejects its logs one by one as
// clock-out-of-range, the kiosk dead-letters them (never retrying them for ever), tells staff
// in plain words, and delivers the next log once the clock is right again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openStatus, readDatabase, startVisit, type Page } from './fixtures';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { prepareHelpPoint, waitForSettings } from './enroll';

const HELP_POINT = 'demo-bibliotek';

async function finishVisit(page: Page) {
  await startVisit(page, 'sv');
  await page.getByTestId('end-visit').click();
  await page.getByTestId('skip-feedback').click();
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
}

type DeadLetterRow = { reason: string; event: { type: string; occurredAt: string } };

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

test('a visit logged with the clock in 1999 is dead-lettered as clock-out-of-range and explained to staff', async ({
  page,
  kiosk,
}) => {
  await page.clock.install({ time: new Date('1999-06-01T10:00:00Z') });
  // The help point's settings carry the staff PIN the status view asks for.
  await prepareHelpPoint(collector, HELP_POINT);
  const { link } = await collector.enroll({ helpPointId: HELP_POINT, kioskUrl: kiosk.url });
  await page.goto(link);
  await waitForSettings(page);

  await finishVisit(page);
  await expect
    .poll(async () => ((await readDatabase(page)).deadLetters ?? []).length, { timeout: 15_000 })
    .toBe(1);
  const [letter] = (await readDatabase(page)).deadLetters as DeadLetterRow[];
  expect(letter?.event.occurredAt).toMatch(/^1999-06-01T/);
  expect(letter?.reason).toMatch(/^clock-out-of-range: occurredAt: /);
  expect((await readDatabase(page)).outbox ?? []).toHaveLength(0);
  expect(await collector.countEvents()).toBe(0);

  // The clock is put right: the next visit is delivered, nothing waits behind the bad one.
  await page.clock.setSystemTime(new Date());
  await finishVisit(page);
  await expect.poll(() => collector.countEvents({ type: 'visit' }), { timeout: 15_000 }).toBe(1);

  await openStatus(page, kiosk.url);
  const shown = page.locator('.dead-letters li');
  await expect(shown).toHaveCount(1);
  await expect(shown.locator('[data-reason=clock-out-of-range]')).toContainText(
    'Enhetens klocka gick fel',
  );
  await expect(shown.locator('code')).toContainText('clock-out-of-range');
});
