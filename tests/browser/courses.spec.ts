/**
 * Volunteer courses in Chromium, on a kiosk unlocked with the staff PIN: following a Lära
 * lesson's plan and logging the session (exactly one course-session event with exactly its
 * fields), refusals shown next to their fields, a planned session surviving a reload and
 * logged with one tap, all of it offline, axe in Swedish, Arabic and Ukrainian, and 200 % text.
 */
import {
  test,
  expect,
  enrollForStaff,
  logsOfType,
  openKiosk,
  unlockStaff,
  waitForServiceWorker,
  type Page,
} from './fixtures';
import { layoutProblems } from './layout-check';
import { axeViolations } from './axe';
import type { LanguageCode } from '../../src/protocol/vocabulary';

const MINUTE_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/;
const FIELDS = [
  'attendees',
  'durationMinutes',
  'heldAt',
  'languages',
  'newAttendees',
  'role',
  'topic',
];
const TITLES = { sv: 'Kurser', ar: 'الدورات', uk: 'Курси' } as const;

async function openCourses(page: Page) {
  await unlockStaff(page);
  await page.getByTestId('staff-nav-courses').click();
  await expect(page.getByTestId('courses-screen')).toBeVisible();
  await expect(page.locator('[data-screen=courses] h1')).toBeVisible();
}

/** The browser's local date, as `<input type="date">` takes it, some days from now. */
function localDate(daysAhead: number): string {
  const at = new Date(Date.now() + daysAhead * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Chooses a Lära lesson and ticks off every item of its plan; returns how many there were. */
async function followLesson(page: Page, lessonId: string): Promise<number> {
  await page.getByTestId('course-topic').selectOption(lessonId);
  const items = page.getByTestId('plan-item');
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  for (let index = 0; index < count; index += 1) {
    await items.nth(index).getByRole('checkbox').check();
  }
  for (let index = 0; index < count; index += 1) {
    await expect(items.nth(index).getByRole('checkbox')).toBeChecked();
  }
  return count;
}

function expectNow(heldAt: unknown) {
  expect(heldAt).toMatch(MINUTE_ISO);
  const drift = Math.abs(Date.parse(String(heldAt)) - Date.now());
  expect(drift).toBeLessThan(3 * 60_000);
}

test('a volunteer follows a Lära lesson, ticks off its plan and logs the session once', async ({
  page,
}) => {
  await openKiosk(page);
  await openCourses(page);

  const items = await followLesson(page, 'email');
  // The goal, six steps (one an exercise) and three questions.
  expect(items).toBe(10);
  await expect(page.getByTestId('plan-item').first()).toHaveAttribute('data-kind', 'goal');
  await expect(page.locator('[data-testid=plan-item][data-kind=exercise]')).not.toHaveCount(0);
  await expect(page.locator('[data-testid=plan-item][data-kind=question]')).toHaveCount(3);
  await expect(page.locator('.courses-progress')).toHaveText('Klart: 10 av 10');

  await page.getByTestId('course-to-log').click();
  await expect(page.getByTestId('course-date')).toHaveValue(localDate(0));
  await expect(page.locator('[data-help-language=sv]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-role=volunteer]')).toBeChecked();

  // Refused: more new than came, and a day that has not come yet, each next to its field.
  await page.getByTestId('course-attendees').fill('2');
  await page.getByTestId('course-new').fill('3');
  await page.getByTestId('course-date').fill(localDate(1));
  await page.getByTestId('course-log').click();
  await expect(page.getByTestId('course-new')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('course-new')).toHaveAccessibleDescription(
    'Antalet nya kan inte vara fler än alla deltagare.',
  );
  await expect(page.getByTestId('course-date')).toHaveAccessibleDescription(
    'Den tiden har inte kommit än. Välj en tid som redan har varit.',
  );
  await expect(page.getByTestId('course-date')).toBeFocused();
  expect(await logsOfType(page, 'course-session')).toEqual([]);

  await page.getByTestId('course-date').fill(localDate(0));
  await page.getByTestId('course-attendees').fill('6');
  await page.getByRole('button', { name: 'En till: Antal deltagare' }).click();
  await expect(page.getByTestId('course-attendees')).toHaveValue('7');
  await expect(page.getByTestId('course-new')).toHaveAttribute('aria-invalid', 'false');
  await page.locator('[data-help-language=ar]').click();
  await expect(page.locator('[data-help-language=ar]')).toHaveAttribute('aria-pressed', 'true');
  // The length starts as "not noted" and is picked by its visible name.
  await expect(page.getByTestId('course-duration-none')).toBeChecked();
  await page
    .getByRole('group', { name: 'Hur länge höll kursen på?' })
    .getByRole('radio', { name: '90 minuter' })
    .check();
  await page.getByTestId('course-log').click();

  await expect(page.getByTestId('course-logged')).toHaveText(
    'Sparat. Kurstillfället är uppskrivet: Lektion 5: E-post, 7 deltagare.',
  );
  await expect(page.locator('[role=status]').getByTestId('course-logged')).toBeVisible();
  await expect.poll(() => logsOfType(page, 'course-session')).toHaveLength(1);
  const [logged] = await logsOfType(page, 'course-session');
  expect(Object.keys(logged ?? {}).sort()).toEqual(FIELDS);
  expect(logged).toEqual({
    topic: 'email',
    heldAt: expect.any(String),
    attendees: 7,
    newAttendees: 3,
    languages: ['sv', 'ar'],
    role: 'volunteer',
    durationMinutes: 90,
  });
  expectNow(logged?.heldAt);

  // Another session starts from the topic; nothing more is logged on the way.
  await page.getByRole('button', { name: 'Hålla ett till kurstillfälle' }).click();
  await expect(page.getByTestId('course-topic')).toBeFocused();
  await expect(page.getByTestId('course-topic')).toHaveValue('');
  expect(await logsOfType(page, 'course-session')).toHaveLength(1);
});

test('a planned session is still there after a reload and is logged with one tap', async ({
  page,
}) => {
  await openKiosk(page);
  await openCourses(page);
  await expect(page.getByTestId('planned-session')).toHaveCount(0);

  await page.getByTestId('plan-session').click();
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-topic')).toHaveAccessibleDescription('Välj ett ämne.');
  await expect(page.getByTestId('plan-topic')).toBeFocused();
  await page.getByTestId('plan-topic').selectOption('basic-internet');
  await page.getByTestId('plan-date').fill(localDate(2));
  await page.getByTestId('plan-time').fill('10:00');
  await page.getByTestId('plan-attendees').fill('5');
  await page.getByTestId('plan-new').fill('2');
  await page.locator('#courses-plan-languages [data-help-language=fa]').click();
  await page.locator('[name=courses-plan-role][data-role=staff]').check();
  await page.getByTestId('plan-duration-120').check();
  await page.getByTestId('plan-save').click();

  const planned = page.getByTestId('planned-session');
  await expect(planned).toHaveCount(1);
  await expect(planned).toContainText('Grundkurs i dator och internet');
  await expect(planned).toContainText('Väntas: 5 deltagare, varav 2 nya');
  await expect(page.getByTestId('courses-plans-status')).toContainText(
    'Planerat: Grundkurs i dator och internet',
  );
  await expect(page.getByTestId('plan-session')).toBeFocused();
  await expect(page.getByTestId('plan-session')).toHaveAttribute('aria-expanded', 'false');

  await page.reload();
  await openCourses(page);
  await expect(planned).toHaveCount(1);
  await expect(planned).toContainText('Språk: Svenska, Persiska');
  await expect(planned).toContainText('Leds av: Personal');

  await planned.getByTestId('log-planned').click();
  await expect(planned).toHaveCount(0);
  await expect(page.getByTestId('courses-plans-status')).toHaveText(
    'Uppskrivet: Grundkurs i dator och internet, 5 deltagare.',
  );
  await expect.poll(() => logsOfType(page, 'course-session')).toHaveLength(1);
  const [logged] = await logsOfType(page, 'course-session');
  expect(logged).toEqual({
    topic: 'basic-internet',
    heldAt: expect.any(String),
    attendees: 5,
    newAttendees: 2,
    languages: ['sv', 'fa'],
    role: 'staff',
    durationMinutes: 120,
  });
  // Planned for later, logged now: held now, never in the future.
  expectNow(logged?.heldAt);

  await page.reload();
  await openCourses(page);
  await expect(page.getByText('Inga kurstillfällen är planerade.')).toBeVisible();
  expect(await logsOfType(page, 'course-session')).toHaveLength(1);
});

test('offline, the lesson plan opens and sessions are planned and logged', async ({
  page,
  context,
}) => {
  await openKiosk(page);
  // Staff mode needs the help point's settings, which arrive only online.
  await enrollForStaff(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await openCourses(page);

  await followLesson(page, 'scams');
  await page.getByTestId('course-to-log').click();
  await page.getByTestId('course-attendees').fill('4');
  await page.getByRole('button', { name: 'En till: Varav nya, som kom för första gången' }).click();
  await page.getByTestId('course-log').click();
  await expect(page.getByTestId('course-logged')).toBeVisible();

  await page.getByTestId('plan-session').click();
  await page.getByTestId('plan-topic').selectOption('video-calls');
  await page.getByTestId('plan-attendees').fill('3');
  await page.getByTestId('plan-save').click();
  await page.getByTestId('log-planned').click();
  await expect(page.getByTestId('planned-session')).toHaveCount(0);

  await expect.poll(() => logsOfType(page, 'course-session')).toHaveLength(2);
  const logs = await logsOfType(page, 'course-session');
  expect(logs.map((log) => [log.topic, log.attendees, log.newAttendees])).toEqual([
    ['scams', 4, 1],
    ['video-calls', 3, 0],
  ]);
});

for (const language of ['sv', 'ar', 'uk'] as const satisfies readonly LanguageCode[]) {
  test(`axe finds nothing on the courses screen (${language})`, async ({ page }) => {
    await openKiosk(page);
    await unlockStaff(page);
    await page.getByTestId('staff-language').selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.getByTestId('staff-nav-courses').click();
    await expect(page.getByTestId('courses-screen')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    await expect(page.locator('[data-screen=courses] h1')).toHaveText(TITLES[language]);
    const violations: string[] = [];
    const check = async (view: string) =>
      violations.push(...(await axeViolations(page)).map((violation) => `${view}: ${violation}`));

    await check('start');
    await followLesson(page, 'passwords');
    await page.getByTestId('plan-session').click();
    await page.getByTestId('plan-save').click(); // shows the topic problem
    await check('checklist and plan form');
    await page.getByTestId('plan-topic').selectOption('safety-online');
    await page.getByTestId('plan-save').click();
    await expect(page.getByTestId('planned-session')).toHaveCount(1);
    await page.getByTestId('course-to-log').click();
    await page.getByTestId('course-new').fill('5');
    await page.getByTestId('course-log').click();
    await expect(page.getByTestId('course-new')).toHaveAttribute('aria-invalid', 'true');
    await check('log form with a problem');
    await page.getByTestId('course-new').fill('0');
    await page.getByTestId('course-log').click();
    await expect(page.getByTestId('course-logged')).toBeVisible();
    await check('logged');
    expect(violations).toEqual([]);
  });
}

for (const viewport of [
  { name: 'kiosk', width: 1280, height: 800 },
  { name: 'tablet', width: 800, height: 1280 },
]) {
  test(`at 200 % text the courses screen never scrolls sideways, targets ≥ 48 px (${viewport.name})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await openKiosk(page);
    await openCourses(page);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    await followLesson(page, 'touch-screen');
    await page.getByTestId('plan-session').click();
    await page.getByTestId('plan-save').click();
    const problems = () => layoutProblems(page);
    expect(await problems()).toEqual([]);
    await page.getByTestId('plan-topic').selectOption('other-course');
    await page.getByTestId('plan-save').click();
    await expect(page.getByTestId('planned-session')).toHaveCount(1);
    await page.getByTestId('course-to-log').click();
    await page.getByTestId('course-log').click();
    expect(await problems()).toEqual([]);
  });
}
