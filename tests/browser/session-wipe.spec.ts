import { test, expect, openKiosk, openDoor, readDatabase, startVisit } from './fixtures';

const IDLE_MS = 90_000;
const WARNING_MS = 60_000;
const SECRET = 'Anna Andersson 19450312-1234';

test('idle warning → more time → idle again → timeout wipes the visitor', async ({ page }) => {
  await page.clock.install();
  await openKiosk(page);
  await startVisit(page, 'fi');
  await page.locator('[data-text-size="200"]').click();
  await openDoor(page, 'lara');
  await page.getByTestId('keyboard-practice').fill(SECRET);
  await page.evaluate(() =>
    sessionStorage.setItem('visitor-scratch', 'something the visitor opened'),
  );
  // The wheel event reaches the page asynchronously; wait for it, so that it cannot land after
  // the fast-forward below and restart the idle timer.
  const wheeled = page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        document.addEventListener('wheel', () => resolve(), { once: true, capture: true }),
      ),
  );
  await page.mouse.wheel(0, 400);
  await wheeled;

  await page.clock.fastForward(IDLE_MS + 1000);
  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toContainText(/\d+/);
  const secondsShown = Number(
    (await page.getByTestId('idle-countdown').innerText()).match(/\d+/)?.[0],
  );
  expect(secondsShown).toBeGreaterThanOrEqual(30);
  await expect(page.getByTestId('more-time')).toBeFocused();

  await page.getByTestId('more-time').click();
  await expect(warning).toBeHidden();
  await expect(page.getByTestId('keyboard-practice')).toHaveValue(SECRET);

  await page.clock.fastForward(IDLE_MS + 1000);
  await expect(warning).toBeVisible();
  await page.clock.fastForward(WARNING_MS);

  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('h1')).toHaveText('Välkommen till Hjälppunkten');

  const leftovers = await page.evaluate(() => ({
    text: document.body.innerText,
    html: document.documentElement.outerHTML,
    fields: Array.from(document.querySelectorAll('input, textarea')).map(
      (field) => (field as HTMLInputElement).value,
    ),
    fontSize: document.documentElement.style.fontSize,
    scrollY: window.scrollY,
    sessionStorage: sessionStorage.length,
    localStorage: Object.keys(localStorage),
  }));
  expect(leftovers.html).not.toContain('Anna');
  expect(leftovers.fields).toEqual([]);
  expect(leftovers.fontSize).toBe('100%');
  expect(leftovers.scrollY).toBe(0);
  expect(leftovers.sessionStorage).toBe(0);
  expect(leftovers.localStorage).toEqual([]);
  expect(leftovers.html).not.toContain('data-screen="lara"');

  // Only the anonymous visit log remains, and it holds no trace of what was typed.
  await expect.poll(async () => ((await readDatabase(page)).logs ?? []).length).toBe(1);
  const database = await readDatabase(page);
  expect(JSON.stringify(database)).not.toContain('Anna');
  const [log] = database.logs as { event: { data: Record<string, unknown> } }[];
  expect(log?.event.data).toMatchObject({
    ending: 'timed-out',
    language: 'fi',
    doors: ['lara'],
    feedback: null,
  });
});

test('a reload in the middle of a visit comes back on the attract screen with nothing kept', async ({
  page,
}) => {
  await openKiosk(page);
  await startVisit(page, 'uk');
  await openDoor(page, 'lara');
  await page.getByTestId('keyboard-practice').fill(SECRET);
  await page.reload();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  expect(await page.content()).not.toContain('Anna');
});
