import { test, expect, ALL_LANGUAGES } from './fixtures';
import { visitEveryScreen } from './screens';

const VIEWPORTS = [
  { name: 'kiosk', width: 1280, height: 800 },
  { name: 'tablet', width: 800, height: 1280 },
];

for (const viewport of VIEWPORTS) {
  test(`at 200 % text no screen scrolls sideways and every target is ≥ 48 px (${viewport.name})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.clock.install();
    const problems: string[] = [];
    for (const language of ALL_LANGUAGES) {
      await visitEveryScreen(page, language, async (screen) => {
        if (['attract', 'language', 'statement (from attract)'].includes(screen)) {
          // No visitor (and no text-size control) yet: check these as the browser's own 200 % text zoom.
          await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
        } else {
          // Screens after the visit (thanks) keep the visitor's size but have no toolbar.
          const size = page.locator('button[data-text-size="200"]');
          if ((await size.count()) > 0 && (await size.getAttribute('aria-pressed')) !== 'true')
            await size.click();
          expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('200%');
        }
        const found = await page.evaluate(() => {
          const issues: string[] = [];
          const root = document.documentElement;
          if (root.scrollWidth > root.clientWidth)
            issues.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
          const interactive = document.querySelectorAll<HTMLElement>(
            'button, a[href], input, textarea, select, [role=button]',
          );
          const inertRoots = Array.from(document.querySelectorAll('dialog[open]'));
          interactive.forEach((element) => {
            if (inertRoots.length > 0 && !inertRoots.some((dialog) => dialog.contains(element)))
              return;
            const box = element.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) return;
            if (box.width < 48 || box.height < 48) {
              issues.push(
                `${element.outerHTML.slice(0, 60)} is ${Math.round(box.width)}×${Math.round(box.height)}`,
              );
            }
          });
          return issues;
        });
        const textSize = await page.evaluate(() => document.documentElement.style.fontSize);
        found.forEach((issue) => problems.push(`${language} ${screen} @${textSize}: ${issue}`));
      });
    }
    expect(problems).toEqual([]);
  });
}
