/**
 * The kiosk runs under the Content-Security-Policy docs/deploy.md tells a municipality to set
 * (scripts/csp.mjs, sent here by the same static server `npm start` uses): the attract
 * screen, a visit through every door, enrollment at the collector, staff mode and the
 * service worker all work, and the browser reports no violation on the way.
 */
import type { Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../scripts/csp.mjs';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.mjs';
import { enrollAt } from './enroll';
import { test, expect, openDoor, startVisit, unlockStaff, waitForServiceWorker } from './fixtures';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Every CSP violation the page reports, as an event or on the console, across reloads. */
async function watchViolations(page: Page) {
  const violations: Violation[] = [];
  const consoleErrors: string[] = [];
  await page.exposeFunction('__reportCspViolation', (violation: Violation) => {
    violations.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: unknown) => void })
        .__reportCspViolation;
      report({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      consoleErrors.push(message.text());
  });
  return { violations, consoleErrors };
}

let strict: StaticServer;
let policy = '';

test.beforeAll(async ({ demoCollector }) => {
  policy = contentSecurityPolicy({ collectorOrigin: demoCollector.url });
  strict = await startStaticServer({ root: 'dist', csp: { collectorOrigin: demoCollector.url } });
});

test.afterAll(async () => {
  await strict.close();
});

test('the kiosk runs under the documented Content-Security-Policy with no violation', async ({
  page,
  context,
  demoCollector,
}) => {
  const seen = await watchViolations(page);
  const response = await page.goto(`${strict.url}/`);
  expect(response?.headers()['content-security-policy']).toBe(policy);
  // Chromium accepts brotli on loopback, so the page comes as the build's .br copy.
  expect(response?.headers()['content-encoding']).toBe('br');
  expect(policy).toContain("script-src 'self'");
  await expect(page.locator('[data-screen=attract]')).toBeVisible();

  // The service worker registers, installs and takes the page under the policy.
  await waitForServiceWorker(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
    `${strict.url}/sw.js`,
  );

  // An offline start, answered from the precache, runs under the policy too.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  await context.setOffline(false);

  // Enrollment exchanges its code at the collector: connect-src must allow that origin.
  await enrollAt(page, demoCollector, strict.url);
  await expect(page.locator('[data-screen=attract]')).toBeVisible();

  await startVisit(page, 'en');
  for (const door of ['anvanda', 'lara', 'testa'] as const) {
    await openDoor(page, door);
    await page.getByTestId('back-home').click();
    await expect(page.locator('[data-screen=home]')).toBeVisible();
  }
  await page.getByTestId('end-visit').click();
  await page.locator('[data-feedback=yes]').click();
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();

  await unlockStaff(page);

  expect(seen.violations).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
});

test('a violation would be seen: an inline style attribute is blocked and reported, offline too', async ({
  page,
  context,
}) => {
  const seen = await watchViolations(page);
  await page.goto(`${strict.url}/`);
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  // The page as the service worker's precache answers it must carry the policy as well.
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  // The kind of change that would break the policy: markup with a style attribute.
  const applied = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: rgb(255, 0, 0)');
    document.body.append(probe);
    return getComputedStyle(probe).color;
  });
  expect(applied).not.toBe('rgb(255, 0, 0)');
  await expect.poll(() => seen.violations.map((v) => v.directive)).toContain('style-src-attr');
});
