/**
 * Shared components bring their own styles. Feature stylesheets load with their section, so a
 * component that leaned on one looked right only after a visitor had opened that section.
 * This opens the staff PIN dialog and Testa's demos on a fresh load, before Lära or Använda
 * has been visited, and measures them: every input and button at least 48 × 48 px, no two
 * buttons touching, and the QR code and the camera picture at the size their styles give them.
 */
import {
  test,
  expect,
  enrollForStaff,
  openDoor,
  openKiosk,
  startVisit,
  type Page,
} from './fixtures';
import type { Locator } from '@playwright/test';

/** Controls under `scope` smaller than 48 × 48 CSS px, and pairs of buttons that touch. */
function geometryProblems(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const name = (element: Element) =>
      element.getAttribute('data-testid') ?? element.outerHTML.slice(0, 50);
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 || box.height > 0;
    };
    const problems: string[] = [];
    const controls = Array.from(root.querySelectorAll('button, input, textarea, select'));
    for (const control of controls.filter(visible)) {
      const box = control.getBoundingClientRect();
      if (box.width < 48 || box.height < 48)
        problems.push(`${name(control)} is ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    const buttons = Array.from(root.querySelectorAll('button')).filter(visible);
    buttons.forEach((first, index) => {
      const a = first.getBoundingClientRect();
      for (const second of buttons.slice(index + 1)) {
        const b = second.getBoundingClientRect();
        // The space between the two boxes along the axis where they are apart; 0 or less touches.
        const across = Math.max(b.left - a.right, a.left - b.right);
        const down = Math.max(b.top - a.bottom, a.top - b.bottom);
        if (Math.max(across, down) <= 0) problems.push(`${name(first)} touches ${name(second)}`);
      }
    });
    return problems;
  });
}

/** The size of `rem` rems on this page, in CSS px. */
function rems(page: Page, rem: number): Promise<number> {
  return page.evaluate(
    (count) => count * Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
    rem,
  );
}

/** A Swedish voice, so the read-aloud demo shows its button (headless Chromium has none). */
async function fakeSwedishVoice(page: Page) {
  await page.addInitScript(() => {
    const voices = [
      { name: 'Alva', lang: 'sv-SE', default: true, localService: true, voiceURI: 'Alva' },
    ];
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        getVoices: () => voices,
        speak: () => undefined,
        cancel: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      },
    });
  });
}

test('on a fresh load the PIN dialog, the QR code, the camera check and read-aloud are laid out', async ({
  page,
}) => {
  await fakeSwedishVoice(page);
  await openKiosk(page);
  // Only an enrolled kiosk has staff mode; enrolling reloads the page, so it is still fresh.
  await enrollForStaff(page);

  await page.getByTestId('staff-open').click();
  const dialog = page.getByTestId('pin-dialog');
  await expect(dialog).toBeVisible();
  expect.soft(await geometryProblems(dialog)).toEqual([]);
  await page.getByTestId('pin-cancel').click();
  await expect(dialog).toHaveCount(0);

  await startVisit(page, 'sv');
  await openDoor(page, 'testa');
  const demo = page.locator('[data-screen=testa-demo]');

  await page.locator('[data-demo=qr-practice]').click();
  const qr = page.getByTestId('errand-qr');
  await expect(qr).toBeVisible();
  const qrBox = await qr.evaluate((element) => element.getBoundingClientRect().toJSON());
  // .qr is min(100 %, 18rem) wide and square; the screen is far wider than 18rem.
  expect.soft(qrBox.width).toBeCloseTo(await rems(page, 18), 0);
  expect.soft(qrBox.height).toBeCloseTo(qrBox.width, 0);
  expect.soft(await geometryProblems(demo)).toEqual([]);
  await page.getByTestId('testa-back').click();

  await page.locator('[data-demo=camera-check]').click();
  await expect(page.getByTestId('camera-start')).toBeVisible();
  expect.soft(await geometryProblems(demo)).toEqual([]);
  await page.getByTestId('camera-start').click();
  await expect(page.getByTestId('camera-check')).toHaveAttribute('data-state', 'running');
  const video = page.locator('video');
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.videoWidth))
    .toBeGreaterThan(0);
  const videoWidth = await video.evaluate((element) => element.getBoundingClientRect().width);
  // The picture is min(100 %, 24rem) wide, whatever size the camera sends.
  expect.soft(videoWidth).toBeCloseTo(await rems(page, 24), 0);
  expect.soft(await geometryProblems(demo)).toEqual([]);
  await page.getByTestId('camera-stop').click();
  await page.getByTestId('testa-back').click();

  await page.locator('[data-demo=read-aloud]').click();
  await expect(page.getByTestId('read-aloud')).toBeVisible();
  expect.soft(await geometryProblems(demo)).toEqual([]);
});
