import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, waitForServiceWorker } from './fixtures';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

test('Chromium reports no installability errors, and the manifest is complete', async ({
  kiosk,
}) => {
  // Installability needs a persistent profile: the default context reports "in-incognito".
  const profile = await mkdtemp(join(tmpdir(), 'hjalppunkt-install-'));
  const context = await chromium.launchPersistentContext(profile, chromiumLaunchOptions());
  try {
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await expect(page.locator('[data-screen=attract]')).toBeVisible();
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);

    const manifest = (await (
      await page.request.get(`${kiosk.url}/manifest.webmanifest`)
    ).json()) as {
      name: string;
      short_name: string;
      lang: string;
      display: string;
      display_override: string[];
      theme_color: string;
      icons: { sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ short_name: 'Hjälppunkt', lang: 'sv', display: 'fullscreen' });
    expect(manifest.name).toContain('Hjälppunkt');
    expect(manifest.display_override).toEqual(['fullscreen', 'standalone']);
    expect(manifest.theme_color).toMatch(/^#/);
    const icons = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
    expect(icons).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
