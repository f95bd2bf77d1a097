/**
 * Testa in real Chromium: the how-to cards, the try-it-here demos, the tech-tried log, and
 * the camera check with Chromium's fake camera, leaving nothing running after the wipe.
 */
import {
  test,
  expect,
  openDoor,
  openKiosk,
  readDatabase,
  startVisit,
  logsOfType,
} from './fixtures';

test('each item has a how-to card; each item or demo opened is logged once', async ({ page }) => {
  await openKiosk(page);
  await startVisit(page, 'en');
  await openDoor(page, 'testa');
  await expect(page.locator('[data-item]')).toHaveCount(8);
  await page.locator('[data-item=e-reader]').click();
  await expect(page.locator('[data-screen=testa-item] h1')).toBeFocused();
  await expect(page.locator('[data-screen=testa-item] ol li').first()).toBeVisible();
  await expect(page.locator('[data-screen=testa-item] .card--desk')).toBeVisible();
  await page.getByTestId('testa-back').click();
  await page.locator('[data-item=e-reader]').click();
  await page.getByTestId('testa-back').click();
  await page.locator('[data-demo=qr-practice]').click();
  await expect(page.getByTestId('errand-qr')).toBeVisible();
  await page.getByTestId('testa-back').click();
  await page.locator('[data-demo=read-aloud]').click();
  await expect(page.getByTestId('read-aloud-text')).not.toBeEmpty();
  await page.getByTestId('read-aloud-text').fill('my own private words');
  await page.getByTestId('end-visit').click();
  await page.getByTestId('skip-feedback').click();
  await page.getByTestId('thanks-done').click();
  await expect
    // Sorted: visitor logs of one minute carry no order (their ids hold only the minute).
    .poll(async () => (await logsOfType(page, 'tech-tried')).map((log) => log.itemId).sort())
    .toEqual(['e-reader', 'qr-practice', 'read-aloud']);
  expect(JSON.stringify(await readDatabase(page))).not.toContain('private words');
});

test('the camera check shows the fake camera and stops every track when the visit is wiped', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    (window as unknown as { streams: MediaStream[] }).streams = streams;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  });
  await openKiosk(page);
  await startVisit(page, 'sv');
  await openDoor(page, 'testa');
  await page.locator('[data-demo=camera-check]').click();
  await page.getByTestId('camera-start').click();
  await expect(page.getByTestId('camera-check')).toHaveAttribute('data-state', 'running');
  await expect
    .poll(() =>
      page.locator('.camera-check__video').evaluate((video: HTMLVideoElement) => video.videoWidth),
    )
    .toBeGreaterThan(0);
  const live = () =>
    page.evaluate(() =>
      (window as unknown as { streams: MediaStream[] }).streams
        .flatMap((stream) => stream.getTracks())
        .map((track) => `${track.kind}:${track.readyState}`),
    );
  expect((await live()).sort()).toEqual(['audio:live', 'video:live']);

  // The visit ends: the wipe must stop the camera and the microphone.
  await page.getByTestId('end-visit').click();
  await page.getByTestId('skip-feedback').click();
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  expect((await live()).sort()).toEqual(['audio:ended', 'video:ended']);
  await expect(page.locator('video')).toHaveCount(0);
});
