/**
 * The attract screen's first paint, as the build writes it into index.html: the real
 * AttractScreen in Swedish, up to the privacy note, marked inert and not as the working screen.
 */
import { resolveConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { asFirstPaint, renderFirstPaint } from '../../scripts/vite-prerender-attract';

describe('the attract screen drawn at build time', () => {
  it('is the Swedish attract screen, inert, without what depends on the help point', async () => {
    const config = await resolveConfig({ configFile: false, root: process.cwd() }, 'build');
    const markup = asFirstPaint(
      await renderFirstPaint({ ...config, define: { __APP_VERSION__: '"0.0.0"' } }),
    );
    expect(markup).toMatch(
      /^<main class="screen screen--attract" data-screen="attract-first-paint" inert="">/,
    );
    expect(markup).toContain(
      '<h1 tabindex="-1" class="screen__title">Välkommen till Hjälppunkten</h1>',
    );
    expect(markup.match(/<li lang="/g)).toHaveLength(7);
    expect(markup).toContain('<button type="button" class="button button--start">');
    expect(markup).toContain('class="privacy-note"');
    // Nothing a test or a person could take for the working screen, nor the help point's own.
    expect(markup).not.toContain('data-testid');
    expect(markup).not.toContain('card--desk');
    expect(markup).not.toContain('attract__footer');
  }, 30_000);

  it('refuses a screen that no longer starts the way the marking expects', () => {
    expect(() => asFirstPaint('<main class="other">')).toThrow(/no longer starts/);
  });
});
