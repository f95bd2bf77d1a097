// The dashboard's files at /admin/ (compressed, with their own strict CSP), a clear 503 before
// it is built, no CORS for /admin, and the login rate limits per address and per email.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_CSP } from '../../server/src/dashboard/static';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { TEST_PASSWORD, uniqueEmail } from './dashboard-support';
import { SETUP_TIMEOUT_MS, STORE_CASES, request, type StoreSetup } from './support';

/** GET with the exact headers given (fetch would decompress), the raw bytes back. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('the dashboard at /admin/', () => {
  let dist: string;
  let built: RunningCollector;
  let unbuilt: RunningCollector;
  const script = `console.log(${JSON.stringify('Hjälppunkt '.repeat(400))});\n`;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'hp-dist-dashboard-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'dashboard.html'), '<!doctype html><title>Dashboard</title>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), script);
    // A build's brotli copy, marked so the test can tell it was sent as it is.
    writeFileSync(join(dist, 'assets', 'pre-5678.js'), script);
    writeFileSync(join(dist, 'assets', 'pre-5678.js.br'), brotliCompressSync('// the copy\n'));
    built = await startCollector({ dataDir: 'memory://', dashboard: { distDir: dist } });
    unbuilt = await startCollector({
      dataDir: 'memory://',
      dashboard: { distDir: join(dist, 'missing') },
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await built?.close();
    await unbuilt?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the page with a strict CSP and the assets compressed, brotli or gzip', async () => {
    const page = await rawGet(`${built.url}/admin/`, {});
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<title>Dashboard</title>');
    expect(page.headers['content-security-policy']).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("script-src 'self'");
    expect(DASHBOARD_CSP).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await rawGet(`${built.url}/admin`, {})).status).toBe(301);

    const br = await rawGet(`${built.url}/admin/assets/app-1234.js`, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    const gzip = await rawGet(`${built.url}/admin/assets/app-1234.js`, {
      'accept-encoding': 'gzip',
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    expect(gzip.headers['cache-control']).toContain('immutable');
  });

  it("sends the build's own brotli copy when there is one, varying on Accept-Encoding", async () => {
    const br = await rawGet(`${built.url}/admin/assets/pre-5678.js`, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(String(br.headers['content-type'])).toContain('javascript');
    expect(brotliDecompressSync(br.body).toString()).toBe('// the copy\n');
  });

  it('answers 503 with how to build it when dist-dashboard/ is missing', async () => {
    const answer = await request(unbuilt.url, '/admin/');
    expect(answer.status).toBe(503);
    expect(JSON.stringify(answer.body)).toContain('npm run build');
    // The API works without the built files.
    expect((await request(unbuilt.url, '/admin/api/me')).status).toBe(401);
  });

  it('gives /admin no CORS headers, while the device API keeps its own', async () => {
    const preflight = (path: string) =>
      request(built.url, path, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const admin = await preflight('/admin/api/login');
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
    const device = await preflight('/api/v1/events');
    expect(device.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe.each(STORE_CASES)('login rate limits ($name)', (storeCase) => {
  let setup: StoreSetup;
  let collector: RunningCollector;
  const email = uniqueEmail('limited');

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({
      ...setup.options,
      rateLimit: false,
      dashboard: {
        loginLimits: {
          address: { max: 8, windowMs: 60_000 },
          email: { max: 3, windowMs: 60_000 },
        },
      },
    });
    await collector.addAccount({
      email,
      role: 'viewer',
      municipalityCode: '0880',
      password: TEST_PASSWORD,
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  const attempt = (who: string, password: string) =>
    request(collector.url, '/admin/api/login', {
      body: JSON.stringify({ email: who, password }),
      headers: { 'content-type': 'application/json' },
    });

  it('stops guessing: per email after 3 failures (the right password too), per address after 8 tries', async () => {
    expect((await attempt(email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 3; i += 1)
      expect((await attempt(email, 'wrong password!!')).status).toBe(401);
    const blocked = await attempt(email.toUpperCase(), TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body).toEqual({ error: { code: 'rate-limited', message: expect.any(String) } });
    // 5 tries from this address so far; 3 more reach its limit of 8.
    for (let i = 0; i < 3; i += 1) {
      expect((await attempt(uniqueEmail('other'), TEST_PASSWORD)).status).toBe(401);
    }
    const address = await attempt(uniqueEmail('other'), TEST_PASSWORD);
    expect(address.status).toBe(429);
    expect(address.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
