/** The layout check shared by the layout sweeps: WCAG 1.4.10 reflow and 2.5.8 target size. */
import type { Page } from './fixtures';

/** Sideways scrolling, and any visible control smaller than 48 × 48 CSS px. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const issues: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      issues.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const interactive = document.querySelectorAll<HTMLElement>(
      'button, a[href], input, textarea, select, [role=button]',
    );
    const inertRoots = Array.from(document.querySelectorAll('dialog[open]'));
    interactive.forEach((element) => {
      if (inertRoots.length > 0 && !inertRoots.some((dialog) => dialog.contains(element))) return;
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
}
