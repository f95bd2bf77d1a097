// The two pages `npm run bench` cold-starts beside the kiosk, each behind the same kind of
// cache-first service worker and marked the way the kiosk marks itself:
//  - a blank page (one HTML file, one script): the least any precached page costs;
//  - a React floor: React DOM rendering a heading and a button, built with Vite for production
//    and marking itself interactive from an effect, as the kiosk does. It is the least a page
//    built on this project's stack (React, which the project keeps) can cost, so the kiosk's
//    time over it is the app's own cost, and its time over the blank page is the stack's.
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'vite';

const MARK_INTERACTIVE = [
  "performance.mark('hjalppunkt:interactive');",
  "document.documentElement.dataset.ready = 'true';",
  "navigator.serviceWorker.register('/sw.js');",
].join('\n');

/** A cache-first worker that precaches `files` and answers navigations with '/'. */
function cacheFirstWorker(files) {
  return [
    `const FILES = ${JSON.stringify(files)};`,
    "self.addEventListener('install', (e) => { self.skipWaiting(); e.waitUntil(caches.open('baseline').then((c) => c.addAll(FILES))); });",
    "self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));",
    "self.addEventListener('fetch', (e) => { const url = new URL(e.request.url); const key = e.request.mode === 'navigate' ? '/' : url.pathname;",
    '  e.respondWith(caches.match(key).then((hit) => hit ?? fetch(e.request))); });',
  ].join('\n');
}

export async function writeBlankApp() {
  const dir = await mkdtemp(join(tmpdir(), 'hjalppunkt-blank-'));
  const files = {
    'index.html':
      '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Blank</title>' +
      '<script type="module" src="/app.js"></script></head><body></body></html>',
    'app.js': `document.body.textContent = 'Blank';\n${MARK_INTERACTIVE}`,
    'sw.js': cacheFirstWorker(['/', '/app.js']),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dir, join(entry.parentPath, entry.name))}`);
}

/** React's floor, built inside node_modules/.cache so that it resolves the project's React. */
export async function writeReactFloorApp() {
  const source = join('node_modules', '.cache', 'hjalppunkt-react-floor');
  await mkdir(source, { recursive: true });
  await writeFile(
    join(source, 'index.html'),
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>React</title>' +
      '<script type="module" src="/main.js"></script></head><body><div id="root"></div></body></html>',
  );
  await writeFile(
    join(source, 'main.js'),
    [
      "import { createElement as h, StrictMode, useEffect } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      'function App() {',
      `  useEffect(() => {\n${MARK_INTERACTIVE}\n  }, []);`,
      "  return h('main', null, h('h1', null, 'Välkommen'), h('button', { type: 'button' }, 'Tryck här för att börja'));",
      '}',
      "createRoot(document.getElementById('root')).render(h(StrictMode, null, h(App)));",
    ].join('\n'),
  );
  const out = await mkdtemp(join(tmpdir(), 'hjalppunkt-react-floor-'));
  await build({
    configFile: false,
    root: source,
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  });
  const files = (await listFiles(out)).map((file) => (file === '/index.html' ? '/' : file));
  await writeFile(join(out, 'sw.js'), cacheFirstWorker(files));
  return out;
}
