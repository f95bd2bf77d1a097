/**
 * A day at the desk, in Chromium, offline: staff unlock a kiosk and tag twenty questions
 * (single, "same as last", most used, a batch, a backdated one, one referred; one edited,
 * one undone, one deleted). Today's tally shows exactly that. Online again, the collector
 * holds exactly those records; corrections made after sync reach it as correcting events.
 */
import {
  test,
  expect,
  readDatabase,
  unlockStaff,
  waitForServiceWorker,
  type Page,
} from './fixtures';
import {
  chip,
  openDetails,
  shownTally,
  tagQuestion,
  type Tap,
  collectorPerTest,
} from './staff-support';
import { enrollAt } from './enroll';

const HELP_POINT = 'demo-bibliotek';
const collector = collectorPerTest('hjalppunkt-staff-');

/** What the tally should say about these records: visitors in all, and per topic. */
function tallyOf(records: { topics: string[]; count: number }[]) {
  const byTopic: Record<string, number> = {};
  let total = 0;
  for (const record of records) {
    total += record.count;
    for (const topic of record.topics) byTopic[topic] = (byTopic[topic] ?? 0) + record.count;
  }
  return { total, byTopic };
}

async function outbox(page: Page) {
  return ((await readDatabase(page)).outbox ?? []).length;
}

const SINGLES: Tap[] = [
  { topics: ['printing-copying-scanning'], time: 'under-5', outcome: 'solved' },
  { topics: ['e-legitimation'], time: '15-30', outcome: 'partly-solved' },
  { topics: ['login-passwords', 'email-messaging'], time: '5-15', outcome: 'solved' },
  { topics: ['healthcare-1177'], time: '5-15', outcome: 'solved' },
  { topics: ['job-seeking'], time: '30-60', outcome: 'follow-up-booked' },
  { topics: ['money-payments'], time: '5-15', outcome: 'not-solved' },
  { topics: ['safety-scams'], time: '15-30', outcome: 'solved' },
  { topics: ['own-device'], time: 'under-5', outcome: 'solved' },
  { topics: ['printing-copying-scanning'], time: 'under-5', outcome: 'solved' },
  { topics: ['library-digital-services'], time: '5-15', outcome: 'solved' },
  { topics: ['getting-started'], time: 'over-60', outcome: 'partly-solved' },
  { topics: ['finding-information'], time: 'under-5', outcome: 'solved' },
  { topics: ['email-messaging'], time: 'under-5', outcome: 'solved' },
  { topics: ['printing-copying-scanning'], time: 'under-5', outcome: 'solved' },
];

test('offline tagging of twenty questions, an exact tally, and exactly those records at the collector', async ({
  page,
  context,
  kiosk,
}) => {
  test.setTimeout(180_000);
  await enrollAt(page, collector(), kiosk.url, { helpPointId: HELP_POINT });
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await unlockStaff(page);
  await expect(page.locator('[data-screen=staff-tag]')).toBeVisible();

  const expected: { topics: string[]; count: number }[] = [];
  // 14 single records, three taps each (one with two topics).
  for (const tap of SINGLES) {
    await tagQuestion(page, tap);
    expected.push({ topics: tap.topics, count: 1 });
  }
  // 2 × "same as last" (printing), 1 tap each.
  for (let repeat = 0; repeat < 2; repeat += 1) {
    await page.getByTestId('tag-same-as-last').click();
    await expect(page.getByTestId('record')).toHaveCount(expected.length + 1);
    expected.push({ topics: ['printing-copying-scanning'], count: 1 });
  }
  // 1 × the most used combination: printing, under 5, solved (used four times).
  await expect(page.getByTestId('tag-most-used').first()).toContainText('Skriva ut');
  await page.getByTestId('tag-most-used').first().click();
  await expect(page.getByTestId('record')).toHaveCount(expected.length + 1);
  expected.push({ topics: ['printing-copying-scanning'], count: 1 });

  // A batch: "6 printing questions this morning", backdated to 00:00 today.
  await openDetails(page);
  await page.getByTestId('tag-count').fill('6');
  await page.getByTestId('tag-when').fill('00:00');
  await tagQuestion(page, {
    topics: ['printing-copying-scanning'],
    time: '5-15',
    outcome: 'solved',
  });
  expected.push({ topics: ['printing-copying-scanning'], count: 6 });
  const batch = (await page.locator('[data-testid=record]').allTextContents()).find((text) =>
    text.includes('6 besökare'),
  );
  expect(batch).toContain('00:00');

  // A referral: four taps.
  await tagQuestion(page, {
    topics: ['public-authority-errand'],
    time: '15-30',
    outcome: 'referred',
    referredTo: 'agency',
  });
  expected.push({ topics: ['public-authority-errand'], count: 1 });

  // Undo: a record tagged by mistake is taken back at once.
  await tagQuestion(page, { topics: ['other'], time: 'under-5', outcome: 'not-solved' });
  await page.getByTestId('tag-undo').click();
  await expect(page.getByTestId('record')).toHaveCount(expected.length);

  // Edit: the job-seeking record was really about e-legitimation.
  const jobSeeking = page.getByTestId('record').filter({ hasText: 'Söka jobb' });
  await jobSeeking.getByTestId('record-edit').click();
  await expect(page.getByTestId('tag-editing')).toBeVisible();
  await chip(page, 'tag-topics', 'job-seeking');
  await chip(page, 'tag-topics', 'e-legitimation');
  await page.getByTestId('tag-save-edit').click();
  await expect(page.getByTestId('record').filter({ hasText: 'Söka jobb' })).toHaveCount(0);
  expected.splice(4, 1, { topics: ['e-legitimation'], count: 1 });

  // Delete: the own-device record, after a confirmation.
  const ownDevice = page.getByTestId('record').filter({ hasText: 'Egen enhet' });
  await ownDevice.getByTestId('record-delete').click();
  await page.getByTestId('record-delete-confirm').click();
  await expect(page.getByTestId('record')).toHaveCount(expected.length - 1);
  expected.splice(7, 1);

  // Twenty tagged, one undone, one deleted: 18 records and 23 visitors (a batch of six).
  expect(expected).toHaveLength(18);
  const want = tallyOf(expected);
  expect(want.total).toBe(23);
  await expect.poll(async () => (await shownTally(page)).total).toBe(want.total);
  const shown = await shownTally(page);
  expect(shown.byTopic).toEqual(want.byTopic);
  expect(shown.hours).toBe(want.total);
  await expect(page.locator('[data-testid=tally-hours] tr[data-hour="0"] td')).not.toHaveText('0');
  await expect(page.getByTestId('record').first()).toContainText('Väntar på att skickas');
  expect(await collector().countEvents()).toBe(0);

  // Online: everything is delivered, exactly once, with nothing of the undone or deleted ones.
  await context.setOffline(false);
  await expect.poll(() => outbox(page), { timeout: 30_000 }).toBe(0);
  expect(await collector().countEvents({ type: 'question' })).toBe(expected.length);
  expect(await collector().countEvents({ type: 'question-withdrawn' })).toBe(0);
  let [report] = await collector().report();
  expect(report?.questions).toBe(want.total);
  expect(report?.questionsByTopic).toEqual(want.byTopic);

  // After sync: an edit and a deletion travel as correcting events.
  await page.getByTestId('staff-nav-requests').click();
  await page.getByTestId('staff-nav-tag').click();
  await expect(page.getByTestId('record').first()).toContainText('Skickad');
  const money = page.getByTestId('record').filter({ hasText: 'Bank och betalningar' });
  await money.getByTestId('record-edit').click();
  await chip(page, 'tag-outcome', 'solved');
  await page.getByTestId('tag-save-edit').click();
  await expect(page.getByTestId('saved-note')).toContainText('rättelse');
  const safety = page.getByTestId('record').filter({ hasText: 'Säkerhet och bedrägerier' });
  await safety.getByTestId('record-delete').click();
  await page.getByTestId('record-delete-confirm').click();
  await expect(page.getByTestId('saved-note')).toContainText('rättelse');
  expected.splice(6, 1);
  const corrected = tallyOf(expected);
  await expect
    .poll(() => shownTally(page))
    .toEqual({
      total: corrected.total,
      byTopic: corrected.byTopic,
      hours: corrected.total,
    });

  await expect.poll(() => outbox(page), { timeout: 30_000 }).toBe(0);
  // One edit after sync: one more question event; the deleted record's stay, withdrawn.
  expect(await collector().countEvents({ type: 'question' })).toBe(expected.length + 2);
  expect(await collector().countEvents({ type: 'question-withdrawn' })).toBe(1);
  [report] = await collector().report();
  expect(report?.questions).toBe(corrected.total);
  expect(report?.questionsByTopic).toEqual(corrected.byTopic);
  // The help point's total is for staff tablets: a kiosk's token may not read it.
  await expect(page.getByTestId('tally-help-point')).toHaveCount(0);
});
