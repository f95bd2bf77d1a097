/**
 * The dashboard's main flow in Chromium: an admin logs in, filters, sees a chart with its table,
 * summary and counting rules, compares two periods and downloads a CSV whose content is
 * checked; the same flow by keyboard alone; and the kiosk's build never contains the dashboard.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, logIn, tabTo, SEEDED } from './dashboard-fixtures';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('log in, filter, chart with table, compare two periods, download a checked CSV', async ({
  page,
  dashboard,
}) => {
  // The page, Plot's SVG and the QR image must live within the collector's CSP for /admin/.
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  await logIn(page, dashboard, 'sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Översikt' })).toBeVisible();
  await page.getByRole('link', { name: 'Frågor', exact: true }).click();

  const filters = page.getByRole('form', { name: 'Filter' });
  await filters.getByRole('combobox', { name: /^Hjälppunkt/ }).selectOption('demo-bibliotek');
  await filters.getByLabel('Från och med').fill('2026-03-01');
  await filters.getByLabel('Till och med').fill('2026-03-31');
  await filters.getByLabel('Kanal').selectOption('drop-in');
  await filters.getByRole('button', { name: 'Visa' }).click();

  // The chart is an SVG drawn by Plot, and the same figures are in the visible table.
  const table = page.getByRole('table', { name: /Frågor/ });
  await expect(page.locator('.chart svg').first()).toBeVisible();
  await expect(table).toBeVisible();
  await expect(table.locator('thead th')).toHaveCount(2);
  // The figures are the seeded ones: the printing questions posted for March.
  await expect(
    table.locator(`tbody tr[data-key$=":${SEEDED.march.code}"]`).first().locator('td').first(),
  ).toHaveText(String(SEEDED.march.count));
  await expect(page.getByTestId('summary')).toContainText('2026-03-01 – 2026-03-31');
  await expect(page.locator('[data-rule=stockholm-day]')).toContainText('Europe/Stockholm');
  await expect(page.locator('[data-rule=corrections-apply]')).toContainText('Rättelser');

  // Compare with the period before (filled in for the user), then both series side by side.
  await filters.getByLabel('Med en annan period').check();
  await expect(filters.getByLabel('Jämförelseperiod från')).toHaveValue('2026-01-29');
  await filters.getByRole('button', { name: 'Visa' }).click();
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(page.getByTestId('summary')).toContainText('2026-01-29 – 2026-02-28');
  await expect(page.locator('.chart svg').first()).toBeVisible();

  // The Excel CSV has a BOM, semicolons, CRLF and the table's figures for the same filters.
  const firstRow = table.locator('tbody tr').first();
  const [metric, code] = ((await firstRow.getAttribute('data-key')) ?? '').split(':');
  const value = (await firstRow.locator('td').first().textContent()) ?? '';
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV för Excel' }).click();
  const download = await downloading;
  const bytes = readFileSync((await download.path()) ?? '');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text).toContain('\r\n');
  expect(text.split('\r\n')[0]).toContain(';');
  // The first series' row of the table's first line: its metric, its code and its value.
  const line = text.split('\r\n').find((row) => row.includes(`;${metric};${code};`));
  expect(line?.endsWith(`;${value}`)).toBe(true);
  expect(line).toContain('2026-03-01');
  expect(download.url()).toContain('helpPoint=demo-bibliotek');
  expect(download.url()).toContain('compare=period');
  expect(download.url()).toContain('format=csv-excel');
  expect(cspErrors).toEqual([]);
});

test('the main flow works by keyboard alone', async ({ page, dashboard }) => {
  await page.addInitScript(() => localStorage.setItem('hp-dashboard-language', 'en'));
  await page.goto(dashboard.url);
  await tabTo(page, page.locator('input[name=email]'));
  await page.keyboard.type(dashboard.admin.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(dashboard.admin.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeFocused();

  await tabTo(page, page.getByRole('link', { name: 'Busy hours' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Busy hours' })).toBeFocused();
  await expect(page.locator('.chart svg').first()).toBeVisible();

  // Compare: the radio group is reached by Tab and changed with the arrow keys.
  await tabTo(page, page.getByLabel('No comparison'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('With another period')).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Show' }));
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: /Busy hours/ });
  await expect(table.locator('thead th')).toHaveCount(3);

  // The table's scroller and the export links are reachable too.
  await tabTo(page, page.getByRole('region', { name: /Busy hours/ }));
  await tabTo(page, page.getByRole('link', { name: 'CSV (RFC 4180)' }));
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const text = readFileSync((await (await downloading).path()) ?? '', 'utf8');
  expect(text.split('\r\n')[0]).toMatch(/^series,.*,value$/);
});

test("the kiosk's bundle and precache never contain the dashboard, and the dashboard has no service worker", () => {
  const marker = 'hjalppunkt-dashboard-root';
  const kioskFiles = filesUnder('dist');
  const leaking = kioskFiles.filter((file) => readFileSync(file).includes(marker));
  expect(leaking).toEqual([]);
  const sw = readFileSync('dist/sw.js', 'utf8');
  expect(sw).not.toMatch(/dashboard|admin\//);
  expect(kioskFiles.some((file) => /dashboard/.test(file))).toBe(false);

  const dashboardFiles = filesUnder('dist-dashboard');
  expect(dashboardFiles.some((file) => readFileSync(file).includes(marker))).toBe(true);
  expect(dashboardFiles.some((file) => /sw\.js|manifest/.test(file))).toBe(false);
  // Every asset is addressed under /admin/, where the collector serves it.
  expect(readFileSync('dist-dashboard/index.html', 'utf8')).toMatch(/src="\/admin\/assets\//);
});

test('the agency report prints as the report alone, small cells as "<3"', async ({
  page,
  dashboard,
}) => {
  await logIn(page, dashboard, 'en');
  await page.getByRole('link', { name: 'Exports' }).click();
  await page.getByRole('combobox', { name: /^Agency/ }).selectOption('skatteverket');
  await page.getByRole('button', { name: 'Show the report' }).click();
  const report = page.getByRole('table', { name: 'Feedback to the agency' });
  await expect(report).toContainText('<3');
  await page.emulateMedia({ media: 'print' });
  await expect(report).toBeVisible();
  await expect(page.locator('header.top')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('heading', { name: /Digidel/ })).toBeHidden();
});

test('devices, settings and accounts: rename, enroll with QR, publish, roll back, set the PIN', async ({
  page,
  dashboard,
}) => {
  await logIn(page, dashboard, 'en');
  await page.getByRole('link', { name: 'Devices' }).click();
  const row = page.locator('tbody tr').first();
  // Warnings are words, not only a colour or an icon.
  await expect(page.getByRole('table', { name: /Every enrolled device/ })).toContainText(
    'The queue is growing',
  );
  await row.getByLabel('New name').fill('Kiosk by the door');
  await row.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('status')).toHaveText('The name is changed.');
  await page.getByRole('button', { name: 'Create a single-use link' }).click();
  await expect(page.getByRole('img', { name: 'QR code with the enrollment link' })).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Agency drop-in hours')).toHaveValue(/skatteverket tue 14:00-16:00/);
  await page.getByLabel('Agency drop-in hours').fill('skatteverket someday 14:00-16:00');
  await page.getByRole('button', { name: 'Publish a new version' }).click();
  await expect(page.getByRole('alert')).toHaveText('Agency drop-in hours: line 1 cannot be read.');
  await page.getByLabel('Agency drop-in hours').fill('skatteverket tue 14:00-16:00');
  await page.getByRole('button', { name: 'Publish a new version' }).click();
  await expect(page.locator('p[role=status]')).toHaveText('A new version is published.');
  await page.getByRole('button', { name: 'Roll back to version 1' }).click();
  await expect(page.locator('p[role=status]')).toHaveText('Version 1 is published again.');
  await page.getByLabel('New PIN (never shown again)').fill('482916');
  await page.getByRole('button', { name: 'Save the PIN' }).click();
  await expect(page.locator('p[role=status]')).toHaveText('The PIN is saved.');
  await expect(page.getByLabel('New PIN (never shown again)')).toHaveValue('');

  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByLabel('Email address').fill('ny@kommun.example');
  await page.getByLabel('Password', { exact: true }).fill('ett-annat-langt-losenord');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('The account is added.');
});
