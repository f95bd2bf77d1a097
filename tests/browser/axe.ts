/**
 * A fast axe-core runner for long sweeps: the kiosk is a single page, so axe is injected once
 * and then run again and again, asking only for violations (the same tags as the other suites).
 * @axe-core/playwright re-injects axe and collects every passing node on each call, which
 * made a sweep over every lesson step in eight languages several times slower.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Violation {
  id: string;
  nodes: { target: string[] }[];
}

export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      nodes: violation.nodes.map((node) => ({ target: node.target.map(String) })),
    }));
  }, AXE_TAGS);
  return violations.map(
    (violation: Violation) =>
      `${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}
