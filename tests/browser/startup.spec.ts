/**
 * The first second at a kiosk: a normal start (online, then offline from the service worker)
 * logs no console error and fails no request, not even for the optional files a help point
 * may lack; the attract screen's start button stays where it was first painted; and no
 * screen shifts its layout by more than CLS 0.02 (layout-shift entries without recent input).
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForServiceWorker } from './fixtures';
import { visitEveryScreen } from './screens';
import { LOCAL_FILE_HEADER } from '../../src/protocol/worker-messages';

const CLS_LIMIT = 0.02;

const VIEWPORTS = [
  { name: 'phone', width: 412, height: 823 },
  { name: 'kiosk', width: 1280, height: 800 },
];

/** Records, from the page's first frame, the start button's box and every layout shift. */
function recordLayout() {
  const record = window as unknown as {
    __startBoxes: string[];
    __shifts: { value: number; input: boolean }[];
  };
  record.__startBoxes = [];
  record.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[]) {
      record.__shifts.push({ value: entry.value, input: entry.hadRecentInput });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const frame = () => {
    const box = document.querySelector('.button--start')?.getBoundingClientRect();
    if (box) record.__startBoxes.push([box.x, box.y, box.width, box.height].join(','));
    if (document.documentElement.dataset.ready !== 'true' || record.__startBoxes.length < 10) {
      requestAnimationFrame(frame);
    }
  };
  requestAnimationFrame(frame);
}

/** The layout shifts without recent input since the last call, summed (and forgotten). */
async function takeShifts(page: Page): Promise<number> {
  return page.evaluate(() => {
    const record = window as unknown as { __shifts: { value: number; input: boolean }[] };
    const sum = record.__shifts.reduce(
      (total, shift) => total + (shift.input ? 0 : shift.value),
      0,
    );
    record.__shifts = [];
    return sum;
  });
}

/** Waits until late content (fonts, lazy sections, storage reads) has had its chance to move. */
async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Longer than the 500 ms after an input in which the browser counts shifts as expected.
  await page.waitForTimeout(700);
}

test('a normal start, online and then offline, logs no console error and fails no request', async ({
  page,
  context,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const optionalFiles = () =>
    Promise.all(
      ['/local-catalogue.json', '/local-lessons.json'].map((path) =>
        page.waitForResponse((response) => new URL(response.url()).pathname === path),
      ),
    );
  // A reload would abort a request still reading its body; its timing entry marks the end.
  const bodiesRead = () =>
    page.waitForFunction(
      () =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => /\/local-(catalogue|lessons)\.json$/.test(entry.name)).length === 2,
    );

  // First start: the help point has no local catalogue or lessons (dist has neither file).
  let answered = optionalFiles();
  await page.goto('/');
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await waitForServiceWorker(page);
  const online = await answered;
  await bodiesRead();
  expect(online.map((response) => response.status())).toEqual([200, 200]);
  // The service worker's quiet answer for a file the help point does not have.
  expect(online.map((response) => response.headers()[LOCAL_FILE_HEADER])).toEqual([
    'missing',
    'missing',
  ]);

  // A cold start without network, from the service worker's copies.
  await context.setOffline(true);
  answered = optionalFiles();
  await page.reload();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await answered;
  await bodiesRead();
  expect(problems).toEqual([]);
});

for (const viewport of VIEWPORTS) {
  test(`the start button does not move between first paint and interactive (${viewport.name})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.addInitScript(recordLayout);
    for (const start of ['first visit', 'from the service worker']) {
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
      await settle(page);
      const boxes = await page.evaluate(
        () => (window as unknown as { __startBoxes: string[] }).__startBoxes,
      );
      expect(boxes.length, start).toBeGreaterThan(1);
      expect(new Set(boxes), `${start}: ${boxes.join(' | ')}`).toEqual(new Set([boxes[0]]));
      expect(await takeShifts(page), start).toBeLessThanOrEqual(CLS_LIMIT);
      if (start === 'first visit') await waitForServiceWorker(page);
    }
  });

  test(`every screen change shifts the layout by CLS ≤ ${CLS_LIMIT} (${viewport.name})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.addInitScript(recordLayout);
    await page.clock.install();
    const shifts: Record<string, number> = {};
    await visitEveryScreen(page, 'sv', async (screen) => {
      await settle(page);
      shifts[screen] = await takeShifts(page);
    });
    const over = Object.entries(shifts).filter(([, value]) => value > CLS_LIMIT);
    expect(Object.keys(shifts).length).toBeGreaterThan(10);
    expect(over).toEqual([]);
  });
}

test.describe('the configuration, cache first', () => {
  // page.route cannot see requests a service worker answers, so this runs without one.
  test.use({ serviceWorkers: 'block' });

  test('a start uses the checked copy at once; a changed file applies on the next attract screen', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('.card--desk')).toContainText('Informationsdisken');
    // The first start keeps its checked copy in the Cache API after it has drawn the attract
    // screen; reloading before that would (rightly) fetch the changed file at once.
    await expect
      .poll(() =>
        page.evaluate(async () =>
          Boolean(
            await (await caches.open('hjalppunkt-config')).match('/kiosk-config.checked.json'),
          ),
        ),
      )
      .toBe(true);
    const config = (await (await page.request.get('/kiosk-config.json')).json()) as {
      deskLocation: Record<string, string>;
    };
    await page.route('**/kiosk-config.json', (route) =>
      route.fulfill({
        json: { ...config, deskLocation: { sv: 'Disken på andra våningen.' } },
      }),
    );
    let loads = 0;
    page.on('load', () => (loads += 1));
    await page.reload();
    // The reload started from the kept copy; the new file, fetched behind it, reloads the
    // idle attract screen once more and is in use from then on.
    await expect(page.locator('.card--desk')).toContainText('Disken på andra våningen.');
    expect(loads).toBe(2);
  });
});
