// A small static file server for the built kiosk (dist/), used by `npm start`, the browser
// tests and the benchmarks. Unknown paths without a file extension fall back to index.html, as the service worker does.
// Tests can point it at another build with setRoot() to exercise the update flow.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startStaticServer({ root = 'dist', port = 0, host = '127.0.0.1' } = {}) {
  let currentRoot = resolve(root);

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
      let file = join(currentRoot, relative);
      if (!file.startsWith(currentRoot)) {
        response.writeHead(400).end('bad path');
        return;
      }
      let info = await stat(file).catch(() => null);
      if (!info && extname(relative) !== '') {
        // A missing file (e.g. an optional /local-catalogue.json) is a 404, not the app shell.
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (!info || info.isDirectory()) {
        file = join(currentRoot, 'index.html');
        info = await stat(file);
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // The service worker and the page must always be revalidated; hashed assets may be cached.
      const cache = /\/assets\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
      response.writeHead(200, {
        'content-type': type,
        'content-length': info.size,
        'cache-control': cache,
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });

  await new Promise((resolveListen) => server.listen(port, host, resolveListen));
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    setRoot(next) {
      currentRoot = resolve(next);
    },
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose(undefined));
      }),
  };
}
