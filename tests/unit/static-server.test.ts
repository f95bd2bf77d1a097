/**
 * The kiosk's static server over loopback: it sends the build's brotli or gzip copy as the
 * browser asks, the decoded body is the original file, and cache, Vary and CSP headers are
 * right for each kind of file. A small fake build in a temporary folder stands in for dist/.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../scripts/csp.mjs';
import {
  acceptedQuality,
  startStaticServer,
  type StaticServer,
} from '../../scripts/static-server.mjs';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    // node:http sends no Accept-Encoding unless asked, so each test says what it accepts.
    const req = request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const script = Buffer.from('console.log("hjälppunkt");\n'.repeat(200));
const page = Buffer.from(`<!doctype html><title>Hjälppunkt</title>${'<p>hej</p>'.repeat(100)}`);
const worker = Buffer.from('self.addEventListener("fetch", () => {});\n'.repeat(50));
const font = Buffer.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3, 4]);

let root = '';
let server: StaticServer;
let strict: StaticServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hjalppunkt-static-'));
  await mkdir(join(root, 'assets'));
  const files: [string, Buffer][] = [
    ['assets/index-abc123.js', script],
    ['index.html', page],
    ['sw.js', worker],
    ['kiosk-config.json', Buffer.from('{"helpPointId":"demo"}')],
    ['assets/font-abc.woff2', font],
  ];
  for (const [name, content] of files) await writeFile(join(root, name), content);
  // Compressed copies as the build writes them; kiosk-config.json has only the plain file.
  for (const name of ['assets/index-abc123.js', 'index.html', 'sw.js']) {
    const content = files.find(([file]) => file === name)?.[1] ?? Buffer.alloc(0);
    await writeFile(join(root, `${name}.br`), brotliCompressSync(content));
    await writeFile(join(root, `${name}.gz`), gzipSync(content));
  }
  server = await startStaticServer({ root });
  strict = await startStaticServer({ root, csp: { collectorOrigin: 'https://c.example/x' } });
});

afterAll(async () => {
  await server.close();
  await strict.close();
  await rm(root, { recursive: true, force: true });
});

describe('compressed answers', () => {
  it('sends brotli when accepted, with the type, length and Vary of the original', async () => {
    const answer = await get(`${server.url}/assets/index-abc123.js`, {
      'accept-encoding': 'gzip, deflate, br, zstd',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(answer.body).equals(script)).toBe(true);
  });

  it('sends gzip when brotli is not accepted or refused with q=0', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.5', 'deflate, *;q=0.1, br;q=0']) {
      const answer = await get(`${server.url}/index.html`, { 'accept-encoding': accept });
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(gunzipSync(answer.body).equals(page)).toBe(true);
    }
  });

  it('sends the plain file without Accept-Encoding, still varying on it', async () => {
    const answer = await get(`${server.url}/sw.js`);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.body.equals(worker)).toBe(true);
    expect(Number(answer.headers['content-length'])).toBe(worker.length);
  });

  it('sends the plain file when the build wrote no copy, and never compresses fonts', async () => {
    const config = await get(`${server.url}/kiosk-config.json`, { 'accept-encoding': 'br' });
    expect(config.headers['content-encoding']).toBeUndefined();
    expect(config.body.toString()).toBe('{"helpPointId":"demo"}');
    const woff = await get(`${server.url}/assets/font-abc.woff2`, { 'accept-encoding': 'br' });
    expect(woff.headers['content-encoding']).toBeUndefined();
    expect(woff.headers.vary).toBeUndefined();
    expect(woff.headers['content-type']).toBe('font/woff2');
    expect(woff.body.equals(font)).toBe(true);
  });

  it('serves the app shell, compressed, for a client route', async () => {
    const answer = await get(`${server.url}/status`, { 'accept-encoding': 'br' });
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(answer.body).equals(page)).toBe(true);
  });

  it('reads q-values as RFC 9110 says', () => {
    expect(acceptedQuality('gzip, br', 'br')).toBe(1);
    expect(acceptedQuality('gzip;q=0.8, br;q=0', 'br')).toBe(0);
    expect(acceptedQuality('*;q=0.3', 'gzip')).toBe(0.3);
    expect(acceptedQuality(undefined, 'gzip')).toBe(0);
    expect(acceptedQuality('identity', 'br')).toBe(0);
  });
});

describe('cache headers', () => {
  it('keeps hashed assets for a year and revalidates the page, sw.js and config', async () => {
    const asset = await get(`${server.url}/assets/index-abc123.js`, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/sw.js', '/kiosk-config.json']) {
      const answer = await get(`${server.url}${path}`, { 'accept-encoding': 'br' });
      expect(answer.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('answers a revalidation of an unchanged file with 304, per encoding', async () => {
    const first = await get(`${server.url}/sw.js`, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    const again = await get(`${server.url}/sw.js`, {
      'accept-encoding': 'br',
      'if-none-match': etag,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const inList = await get(`${server.url}/sw.js`, {
      'accept-encoding': 'br',
      'if-none-match': `"other", ${etag}`,
    });
    expect(inList.status).toBe(304);
    // The gzip answer is another representation: the brotli tag must not match it.
    const other = await get(`${server.url}/sw.js`, {
      'accept-encoding': 'gzip',
      'if-none-match': etag,
    });
    expect(other.status).toBe(200);
    expect(gunzipSync(other.body).equals(worker)).toBe(true);
  });

  it('answers 404 for a missing file with an extension', async () => {
    const answer = await get(`${server.url}/local-catalogue.json`, { 'accept-encoding': 'br' });
    expect(answer.status).toBe(404);
  });
});

describe('HEAD and Range', () => {
  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get(`${server.url}/index.html`, { 'accept-encoding': 'br' }, 'HEAD');
    const full = await get(`${server.url}/index.html`, { 'accept-encoding': 'br' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(full.headers['content-length']);
  });

  it('sends a byte range of the plain file, never of a compressed copy', async () => {
    const answer = await get(`${server.url}/assets/index-abc123.js`, {
      'accept-encoding': 'br',
      range: 'bytes=8-19',
    });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['content-range']).toBe(`bytes 8-19/${script.length}`);
    expect(answer.body.equals(script.subarray(8, 20))).toBe(true);
    const tail = await get(`${server.url}/assets/index-abc123.js`, { range: 'bytes=-5' });
    expect(tail.body.equals(script.subarray(script.length - 5))).toBe(true);
  });

  it('answers 416 to a range past the end', async () => {
    const answer = await get(`${server.url}/sw.js`, { range: `bytes=${worker.length}-` });
    expect(answer.status).toBe(416);
    expect(answer.headers['content-range']).toBe(`bytes */${worker.length}`);
  });
});

describe('Content-Security-Policy', () => {
  it('is sent on every answer when asked, with the collector origin only', async () => {
    const policy = contentSecurityPolicy({ collectorOrigin: 'https://c.example' });
    expect(policy).toContain("connect-src 'self' https://c.example;");
    for (const path of ['/', '/sw.js', '/assets/index-abc123.js', '/missing.json']) {
      const answer = await get(`${strict.url}${path}`, { 'accept-encoding': 'br' });
      expect(answer.headers['content-security-policy'], path).toBe(policy);
    }
  });

  it('is not sent unless asked (tests that run a collector elsewhere)', async () => {
    const answer = await get(`${server.url}/`);
    expect(answer.headers['content-security-policy']).toBeUndefined();
  });
});
