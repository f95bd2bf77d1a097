// A small static file server for the built kiosk (dist/), used by `npm start`, the browser
// tests and the benchmarks. Unknown paths without a file extension fall back to index.html, as
// the service worker does. Tests can point it at another build with setRoot() to exercise the
// update flow.
//
// It sends the brotli or gzip copy the build wrote next to a text file (vite.config.ts) when
// the browser accepts it, so a new kiosk fetches about a quarter of the bytes; docs/deploy.md
// shows the same rules for nginx. With `csp`, every answer carries the kiosk's
// Content-Security-Policy (scripts/csp.mjs).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { contentSecurityPolicy } from './csp.mjs';

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
  '.map': 'application/json; charset=utf-8',
};

/** Files the build writes compressed copies of (the same list as vite.config.ts's). */
const TEXT_FILE = /\.(html|css|js|mjs|json|webmanifest|svg|txt|map)$/;

/** Preferred first: brotli is about 15 % smaller than gzip on this build. */
const ENCODINGS = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
];

/**
 * The q-value the Accept-Encoding header gives a coding (RFC 9110 12.5.3): its own entry,
 * else `*`'s, else 0. `br;q=0` refuses brotli even when `*` is present.
 */
export function acceptedQuality(header, coding) {
  let star = 0;
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    const value = Number.isFinite(quality) ? quality : 0;
    if (name.trim() === coding) return value;
    if (name.trim() === '*') star = value;
  }
  return star;
}

/**
 * Cache rules: hashed build files never change under their name; everything else (the page,
 * sw.js, the manifest, kiosk-config.json, icons) is revalidated on every load, so a new
 * version or a changed configuration is seen at once.
 */
export function cacheControlFor(pathname) {
  return pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** One byte range `bytes=a-b`, `bytes=a-` or `bytes=-n`; null = ignore, 'invalid' = 416. */
function parseRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges or another unit: answer with the whole file, which RFC 9110 allows.
  if (!match) return null;
  const [, first, last] = match;
  if (first === '' && last === '') return 'invalid';
  let start;
  let end;
  if (first === '') {
    start = Math.max(0, size - Number(last));
    end = size - 1;
  } else {
    start = Number(first);
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}

export async function startStaticServer({
  root = 'dist',
  port = 0,
  host = '127.0.0.1',
  csp = null,
} = {}) {
  let currentRoot = resolve(root);
  const policy = csp ? contentSecurityPolicy(csp) : null;

  /** The file to send for a path: the file itself, or the app shell for a client route. */
  async function locate(pathname) {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const file = join(currentRoot, relative);
    if (!file.startsWith(currentRoot)) return { status: 400 };
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return { file, info, pathname };
    // A missing file (e.g. an optional /local-catalogue.json) is a 404, not the app shell.
    if (extname(relative) !== '') return { status: 404 };
    const shell = join(currentRoot, 'index.html');
    return { file: shell, info: await stat(shell), pathname: '/index.html' };
  }

  /** The compressed copy to send, if the file has one and the browser accepts it. */
  async function chooseEncoding(file, acceptEncoding) {
    if (!TEXT_FILE.test(file)) return null;
    for (const { coding, suffix } of ENCODINGS) {
      if (acceptedQuality(acceptEncoding, coding) <= 0) continue;
      const info = await stat(file + suffix).catch(() => null);
      if (info?.isFile()) return { coding, file: file + suffix, info };
    }
    return null;
  }

  const server = createServer(async (request, response) => {
    const common = {};
    if (policy) {
      common['content-security-policy'] = policy;
      common['x-content-type-options'] = 'nosniff';
    }
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { ...common, allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(request.url ?? '/', 'http://localhost');
      const found = await locate(url.pathname);
      if (!found.file) {
        const status = found.status ?? 404;
        const headers = { ...common, 'content-type': 'text/plain; charset=utf-8' };
        response.writeHead(status, headers).end(status === 400 ? 'bad path' : 'not found');
        return;
      }
      const headers = {
        ...common,
        'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
        'cache-control': cacheControlFor(found.pathname),
        'accept-ranges': 'bytes',
      };
      const text = TEXT_FILE.test(found.file);
      // Caches must keep the brotli, gzip and plain answers apart.
      if (text) headers.vary = 'Accept-Encoding';
      const range = request.headers.range;
      // A range is a byte range of the plain file: compressed copies are sent whole only.
      const encoded = range
        ? null
        : await chooseEncoding(found.file, request.headers['accept-encoding']);
      const body = encoded ?? { file: found.file, info: found.info };
      const etag = `"${body.info.size.toString(36)}-${Math.floor(body.info.mtimeMs).toString(36)}${encoded ? `-${encoded.coding}` : ''}"`;
      headers.etag = etag;
      headers['last-modified'] = body.info.mtime.toUTCString();
      if (encoded) headers['content-encoding'] = encoded.coding;

      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) {
        delete headers['content-type'];
        response.writeHead(304, headers).end();
        return;
      }
      const size = body.info.size;
      const parsed = range ? parseRange(range, size) : null;
      if (parsed === 'invalid') {
        response.writeHead(416, { ...headers, 'content-range': `bytes */${size}` }).end();
        return;
      }
      const slice = parsed ?? { start: 0, end: size - 1 };
      headers['content-length'] = size === 0 ? 0 : slice.end - slice.start + 1;
      if (parsed) headers['content-range'] = `bytes ${slice.start}-${slice.end}/${size}`;
      response.writeHead(parsed ? 206 : 200, headers);
      if (request.method === 'HEAD' || size === 0) response.end();
      else createReadStream(body.file, { start: slice.start, end: slice.end }).pipe(response);
    } catch {
      if (!response.headersSent)
        response.writeHead(404, { ...common, 'content-type': 'text/plain' }).end('not found');
      else response.destroy();
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
