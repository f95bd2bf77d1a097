/**
 * Draws the attract screen's first paint into index.html at build time
 * (src/app/prerender/attract-markup.tsx), so that a start, first visit or offline, shows the
 * screen as soon as the page and its stylesheet are in, instead of once the app's script has
 * been fetched, evaluated and has rendered. The markup goes in before vite-plugin-pwa reads
 * index.html for its precache revision, and before it is compressed.
 *
 * What is drawn cannot be used until the app has started: it is `inert` (no focus, no taps,
 * not in the accessibility tree) and named `attract-first-paint`, so nothing (a visitor, a
 * screen reader, a test waiting for `[data-screen=attract]`) mistakes it for the working
 * screen, which the app then draws over it in the same place.
 */
import { createServer, type Plugin, type ResolvedConfig } from 'vite';
import react from '@vitejs/plugin-react';

const ROOT_ELEMENT = '<div id="root"></div>';
const MODULE = '/src/app/prerender/attract-markup.tsx';

export async function renderFirstPaint(config: ResolvedConfig): Promise<string> {
  const server = await createServer({
    configFile: false,
    root: config.root,
    logLevel: 'error',
    appType: 'custom',
    define: config.define,
    plugins: [react()],
    server: { middlewareMode: true, hmr: false, watch: null, ws: false },
  });
  try {
    const module = (await server.ssrLoadModule(MODULE)) as {
      renderAttractMarkup: () => Promise<string>;
    };
    return await module.renderAttractMarkup();
  } finally {
    await server.close();
  }
}

/** The markup as drawn before the app runs: inert, and not named as the working screen. */
export function asFirstPaint(markup: string): string {
  const marked = markup.replace(
    '<main id="main" class="screen screen--attract" data-screen="attract">',
    '<main class="screen screen--attract" data-screen="attract-first-paint" inert="">',
  );
  if (marked === markup)
    throw new Error('prerender: the attract screen no longer starts as expected');
  return marked.replace(' data-testid="start"', '');
}

export function prerenderAttract(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'hjalppunkt-prerender-attract',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (!html.includes(ROOT_ELEMENT)) throw new Error(`index.html lacks ${ROOT_ELEMENT}`);
        const markup = asFirstPaint(await renderFirstPaint(config));
        return html.replace(ROOT_ELEMENT, `<div id="root">${markup}</div>`);
      },
    },
  };
}
