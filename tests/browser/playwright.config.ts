import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  // One worker: two cores, and each test owns its browser context and service worker.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../../.playwright-results.json' }]],
  outputDir: '../../test-results',
  use: {
    browserName: 'chromium',
    launchOptions: {
      ...chromiumLaunchOptions(),
      // A fake camera and microphone, allowed without a prompt, for the camera check tests.
      args: [
        ...chromiumLaunchOptions().args,
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'off',
  },
});
