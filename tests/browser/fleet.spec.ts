/**
 * Fleet and settings through the dashboard's API (issue 13, part D) in Chromium, against a
 * real collector on PostgreSQL serving /admin/api with its real login, sessions, CSRF check
 * and AccessControl: an admin of the help point's municipality logs in, and every dashboard
 * call carries the session cookie (and, on changes, the CSRF token). A kiosk enrolled with a
 * dashboard link gets a version published in the dashboard while offline, applies it only
 * on the attract screen, shows the agency drop-in hours, and reports the version it applied
 * in its heartbeat; a device revoked in the dashboard says it needs enrollment and keeps
 * its queue.
 */
import {
  test,
  expect,
  endVisit,
  readDatabase,
  startVisit,
  waitForServiceWorker,
  type Page,
} from './fixtures';
import { axeViolations } from './axe';
import { layoutProblems } from './layout-check';
import { enrollPage, waitForSettings } from './enroll';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import type { FleetDeviceView, HelpPointSettingsView } from '../../src/protocol/fleet';
import { settingsFile, TEST_STAFF_PIN } from '../support/help-point-settings';
import { readKioskEnrollment } from '../support/write-outbox';
import { call, login, TEST_PASSWORD, type Session } from '../server/dashboard-support';
import { createPostgresSchema, type StoreSetup } from '../server/support';

const HELP_POINT = 'demo-bibliotek';
const MUNICIPALITY = '0880';
const ADMIN_EMAIL = 'admin@0880.example';
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

let schema: StoreSetup & { databaseUrl: string };
let collector: RunningCollector;
let session: Session;

test.beforeEach(async ({ kiosk }) => {
  schema = await createPostgresSchema();
  collector = await startCollector({
    databaseUrl: schema.databaseUrl,
    rateLimit: false,
    dashboard: {
      loginLimits: false,
      fleet: { kioskUrl: kiosk.url, pinIterations: 100_000 },
    },
  });
  // The help point appears with an enrollment code, placed in the admin's municipality.
  await collector.enroll({
    helpPointId: HELP_POINT,
    helpPointName: HELP_POINT,
    municipalityCode: MUNICIPALITY,
    kioskUrl: kiosk.url,
  });
  await collector.addAccount({
    email: ADMIN_EMAIL,
    role: 'admin',
    municipalityCode: MUNICIPALITY,
    password: TEST_PASSWORD,
  });
  session = await login(collector.url, ADMIN_EMAIL);
});

test.afterEach(async () => {
  await collector.close();
  await schema.teardown();
});

/**
 * A dashboard call as the municipality's admin, over loopback, through the collector's real
 * /admin/api: the session cookie on every call, the CSRF token on every change.
 */
async function dashboard<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const answer = await call(collector.url, `/admin/api${path}`, session, {
    method,
    ...(body === undefined ? {} : { body }),
  });
  return { status: answer.status, body: answer.body as T };
}

/** Publishes the help point's settings and PIN in the dashboard, then enrolls the page with a dashboard link. */
async function enrollThroughDashboard(page: Page, config: Record<string, unknown> = {}) {
  expect(
    (
      await dashboard(
        'PUT',
        `/help-points/${HELP_POINT}/settings`,
        settingsFile(HELP_POINT, config),
      )
    ).status,
  ).toBe(200);
  const pin = await dashboard<{ version: number }>('PUT', `/help-points/${HELP_POINT}/pin`, {
    pin: TEST_STAFF_PIN,
  });
  expect(pin.status).toBe(200);
  const made = await dashboard<{ link: string }>('POST', '/enrollments', {
    helpPointId: HELP_POINT,
    role: 'kiosk',
  });
  expect(made.status).toBe(201);
  await enrollPage(page, made.body.link);
  await waitForSettings(page, pin.body.version);
  return { version: pin.body.version, enrollment: await readKioskEnrollment(page) };
}

async function keptVersion(page: Page): Promise<number> {
  const meta = ((await readDatabase(page)).meta ?? []) as { key: string; value: unknown }[];
  const kept = meta.find((row) => row.key === 'helpPointSettings.lastGood')?.value as
    { document?: { version?: number } } | undefined;
  return kept?.document?.version ?? 0;
}

const appliedVersion = async (page: Page) =>
  Number(await page.locator('html').getAttribute('data-settings-version'));

test('a version published in the dashboard reaches an offline-then-online kiosk, applies only on the attract screen, and its heartbeat says so', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const { version: first, enrollment } = await enrollThroughDashboard(page);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await startVisit(page, 'sv');
  const published = await dashboard<{ version: number }>(
    'PUT',
    `/help-points/${HELP_POINT}/settings`,
    settingsFile(HELP_POINT, {
      helpPointName: 'Nya stadsbiblioteket',
      agencyHours: [
        { agency: 'skatteverket', days: EVERY_DAY, from: '14:00', to: '16:00' },
        { agency: 'forsakringskassan', days: ['tue'], from: '10:00', to: '12:00' },
      ],
    }),
  );
  expect(published.body.version).toBe(first + 1);
  await context.setOffline(false);
  await expect.poll(() => keptVersion(page), { timeout: 20_000 }).toBe(first + 1);
  // Kept, not applied: the visitor's visit goes on with the settings it started with.
  await expect(page.locator('[data-screen=home]')).toBeVisible();
  expect(await appliedVersion(page)).toBe(first);
  await expect(page.getByTestId('agency-hours')).toHaveCount(0);

  await endVisit(page);
  await waitForSettings(page, first + 1);
  await expect(page.locator('[data-screen=attract]')).toBeVisible();

  // The next visitor sees the drop-in hours, in their language, right to left included.
  await startVisit(page, 'ar');
  await expect(page.getByTestId('agency-hours-today')).toContainText('Skatteverket');
  await expect(page.getByTestId('agency-hours-week')).toContainText('Försäkringskassan');
  await expect(page.getByTestId('agency-hours')).toContainText('هذا الأسبوع');
  await expect(page.getByTestId('agency-hours').locator('[lang=sv]').first()).toHaveText(
    'Skatteverket',
  );
  expect(await axeViolations(page)).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // At 200 % text the card still reflows without sideways scrolling, every target 48 px.
  await page.locator('button[data-text-size="200"]').click();
  await expect(page.getByTestId('agency-hours')).toBeVisible();
  expect(await layoutProblems(page)).toEqual([]);

  // The dashboard learns from the kiosk's heartbeat which version it applied.
  await expect
    .poll(
      async () =>
        (
          await dashboard<HelpPointSettingsView>('GET', `/help-points/${HELP_POINT}/settings`)
        ).body.versions
          .find((entry) => entry.version === first + 1)
          ?.appliedBy.map((device) => device.id),
      // The first sync after the reload sends it; the periodic one (60 s) if that one was missed.
      { timeout: 75_000 },
    )
    .toEqual([enrollment.deviceId]);
  const versions = (
    await dashboard<HelpPointSettingsView>('GET', `/help-points/${HELP_POINT}/settings`)
  ).body.versions;
  expect(versions[0]).toMatchObject({ version: first + 1, publishedBy: ADMIN_EMAIL });
});

test('a device revoked in the dashboard shows that it needs enrollment and keeps its queue', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { enrollment } = await enrollThroughDashboard(page);
  const revoked = await dashboard<{ revokedAt: string }>(
    'POST',
    `/devices/${enrollment.deviceId}/revoke`,
  );
  expect(revoked.status).toBe(200);

  await startVisit(page, 'sv');
  await page.getByTestId('end-visit').click();
  await page.getByTestId('skip-feedback').click();
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await expect(page.locator('[data-notice=needs-enrollment]')).toBeVisible({ timeout: 20_000 });
  // The visit's log stays in the outbox: nothing is lost, nothing reached the collector.
  expect(((await readDatabase(page)).outbox ?? []).length).toBe(1);
  expect(await collector.countEvents()).toBe(0);
  await page.reload();
  await expect(page.locator('[data-notice=needs-enrollment]')).toBeVisible({ timeout: 20_000 });
  expect(((await readDatabase(page)).outbox ?? []).length).toBe(1);
  expect(await axeViolations(page)).toEqual([]);

  const list = await dashboard<{ devices: FleetDeviceView[] }>('GET', '/devices');
  expect(
    list.body.devices.find((device) => device.id === enrollment.deviceId)?.revokedAt,
  ).toBeTruthy();
});
