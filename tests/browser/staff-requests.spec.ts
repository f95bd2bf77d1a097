/**
 * Help requests between two real devices of one help point, in Chromium, through a real
 * collector over loopback: a kiosk (its own browser context) asks, a staff tablet (another
 * context, enrolled as staff, so it opens as the staff app without a PIN) sees it within
 * seconds, accepts it and tags it as a question. An offline kiosk says where the desk is
 * instead, and the visit still logs the request.
 */
import { enrollOverHttp } from '../support/enroll';
import {
  test,
  expect,
  endVisit,
  logsOfType,
  openDoor,
  readDatabase,
  startVisit,
  waitForServiceWorker,
  type Page,
} from './fixtures';
import { chip, collectorPerTest } from './staff-support';
import { enrollAt } from './enroll';

const HELP_POINT = 'demo-bibliotek';
const collector = collectorPerTest('hjalppunkt-requests-');

async function askStaffAbout(page: Page, category: string, errand: string) {
  await openDoor(page, 'anvanda');
  await page.locator(`[data-category=${category}]`).click();
  await page.locator(`[data-errand=${errand}]`).click();
  await page.locator('[data-choice=staff]').click();
}

test('a help request from a kiosk reaches a staff tablet of the same help point, which tags it', async ({
  page: kioskPage,
  browser,
  kiosk,
}) => {
  test.setTimeout(120_000);
  await enrollAt(kioskPage, collector(), kiosk.url, { helpPointId: HELP_POINT });

  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  const staffEnrollment = await collector().enroll({
    helpPointId: HELP_POINT,
    kioskUrl: kiosk.url,
    role: 'staff',
  });
  await staffPage.goto(staffEnrollment.link);
  // A staff tablet is the staff app: no attract screen, no PIN.
  await expect(staffPage.getByTestId('staff-app')).toBeVisible();
  await expect(staffPage.getByTestId('staff-lock')).toHaveCount(0);
  await staffPage.getByTestId('staff-nav-requests').click();
  await expect(staffPage.getByTestId('requests-none')).toBeVisible();

  await startVisit(kioskPage, 'ar');
  await askStaffAbout(kioskPage, 'library', 'e-bocker');
  await expect(kioskPage.getByTestId('staff-relay')).toHaveAttribute('data-relay', 'relayed');
  await expect(kioskPage.locator('[data-panel=staff]')).toContainText('مكان الموظفين');

  // The staff tablet polls: the request shows within seconds, with the visitor's language.
  const request = staffPage.getByTestId('help-request');
  await expect(request).toHaveCount(1, { timeout: 15_000 });
  await expect(request).toContainText('العربية');
  await expect(request).toContainText('E-böcker');
  await expect(staffPage.getByTestId('requests-badge')).toContainText('1');
  await staffPage.getByTestId('request-accept').click();
  await expect(request).toHaveAttribute('data-status', 'accepted');

  // Tagging it opens the tagging screen with what the request said, and closes it.
  await staffPage.getByTestId('request-tag').click();
  await expect(staffPage.locator('[data-screen=staff-tag]')).toBeVisible();
  await chip(staffPage, 'tag-topics', 'library-digital-services');
  await chip(staffPage, 'tag-time', '5-15');
  await chip(staffPage, 'tag-outcome', 'solved');
  await expect(staffPage.getByTestId('record')).toHaveCount(1);
  expect(await logsOfType(staffPage, 'question')).toEqual([
    expect.objectContaining({
      helpedWith: ['library-digital-services'],
      channel: 'kiosk',
      language: 'ar',
      errandId: 'e-bocker',
      agency: 'other',
    }),
  ]);
  await staffPage.getByTestId('staff-nav-requests').click();
  await expect(staffPage.getByTestId('requests-none')).toBeVisible();

  // The staff tablet sees the whole help point's tally too, once its record is delivered.
  await expect
    .poll(async () => ((await readDatabase(staffPage)).outbox ?? []).length, { timeout: 20_000 })
    .toBe(0);
  await staffPage.getByTestId('staff-nav-tag').click();
  await expect(staffPage.getByTestId('tally-help-point')).toContainText('1');

  // The kiosk's own log of the visit counts the request as a help request. (Offline, so it is
  // still on the kiosk to read: a delivered visitor log leaves the device.)
  await kioskPage.context().setOffline(true);
  await endVisit(kioskPage);
  expect(await logsOfType(kioskPage, 'errand-viewed')).toEqual([
    { errandId: 'e-bocker', foundBy: 'category', choice: 'staff', language: 'ar' },
  ]);
  await staffContext.close();
});

test('an offline kiosk says where the desk is; the request is logged but not relayed', async ({
  page,
  context,
  kiosk,
}) => {
  await enrollAt(page, collector(), kiosk.url, { helpPointId: HELP_POINT });
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await startVisit(page, 'sv');
  await askStaffAbout(page, 'library', 'lanekort');
  await expect(page.getByTestId('staff-relay')).toHaveAttribute('data-relay', 'not-relayed');
  await expect(page.getByTestId('staff-relay')).toContainText('kunde inte');
  await expect(page.locator('[data-panel=staff]')).toContainText('Informationsdisken');
  await endVisit(page);
  expect(await logsOfType(page, 'errand-viewed')).toEqual([
    { errandId: 'lanekort', foundBy: 'category', choice: 'staff', language: 'sv' },
  ]);
  await context.setOffline(false);
  // Nothing was relayed: a staff device of the help point sees no request.
  const staff = await enrollOverHttp(collector(), {
    helpPointId: HELP_POINT,
    kioskUrl: kiosk.url,
    role: 'staff',
  });
  const answer = await fetch(`${collector().url}/api/v1/help-requests`, {
    headers: { authorization: `Bearer ${staff.token}` },
  });
  expect(((await answer.json()) as { requests: unknown[] }).requests).toEqual([]);
});
