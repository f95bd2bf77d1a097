/**
 * check:links against a loopback HTTP server answering 200, 301 (then 200) and 404: each is
 * reported correctly, the redirect chain is recorded, and --write's proposal moves only the
 * redirected address. The catalogue's real https addresses are mapped to the loopback server
 * through the injected fetch, so nothing leaves the machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkLinks,
  formatReport,
  linkTargets,
  proposeRedirects,
  type Fetch,
} from '../../scripts/link-check';
import type { CatalogueFacts } from '../../src/features/anvanda/catalogue/catalogue-schema';

let server: Server;
let origin = '';
const served: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    served.push(request.url ?? '');
    if (request.url === '/ok' || request.url === '/new-home') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<title>ok</title>');
    } else if (request.url === '/moved') {
      response.writeHead(301, { location: '/new-home' }).end();
    } else {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Every agency host answers from the loopback server, keeping the path. */
const loopback: Fetch = (url, init) => {
  const { pathname, search } = new URL(url);
  return fetch(`${origin}${pathname}${search}`, init);
};

const link = { kind: 'deep' as const, verifiedAt: '2026-12-01', source: 'https://x.se' };
const errand = (id: string, eServiceUrl: string) => ({
  id,
  category: 'taxes-registration' as const,
  agency: 'skatteverket',
  eServiceUrl,
  eLegitimation: 'required' as const,
  routesWithoutELeg: ['paper' as const],
  contact: { phone: null, website: null, visit: 'none' as const },
  link,
});
const facts: CatalogueFacts = {
  schemaVersion: 1,
  categories: ['taxes-registration'],
  agencies: {
    skatteverket: { name: 'Skatteverket', website: 'https://skatteverket.se', phone: null },
  },
  errands: [
    errand('fine', 'https://skatteverket.se/ok'),
    {
      ...errand('moved', 'https://skatteverket.se/moved'),
      languagePages: [
        {
          lang: 'ar',
          url: 'https://skatteverket.se/gone',
          scope: 'general',
          verifiedAt: '2026-12-01',
          source: 'https://skatteverket.se',
        },
      ],
    },
  ],
};

describe('check:links', () => {
  it('reports 200 as ok, 301 → 200 as redirected with its chain, and 404 as broken', async () => {
    const results = await checkLinks(linkTargets(facts), loopback);
    expect(results.map((result) => [result.target.where, result.verdict])).toEqual([
      ['fine eServiceUrl', 'ok'],
      ['moved eServiceUrl', 'redirected'],
      ['moved ar page', 'broken'],
    ]);
    const [fine, moved, gone] = results;
    expect(fine?.chain).toEqual([{ url: 'https://skatteverket.se/ok', status: 200 }]);
    // The redirect is followed by hand: each hop is recorded, the Location resolved against it.
    expect(moved?.chain).toEqual([
      { url: 'https://skatteverket.se/moved', status: 301 },
      { url: 'https://skatteverket.se/new-home', status: 200 },
    ]);
    expect(moved?.finalUrl).toBe('https://skatteverket.se/new-home');
    expect(gone).toMatchObject({ finalStatus: 404, finalUrl: 'https://skatteverket.se/gone' });
    expect(served).toEqual(expect.arrayContaining(['/ok', '/moved', '/new-home', '/gone']));

    const report = formatReport(results);
    expect(report).toContain(
      'REDIRECTED moved eServiceUrl: 301 https://skatteverket.se/moved -> 200',
    );
    expect(report).toContain('BROKEN     moved ar page: 404 https://skatteverket.se/gone');
    expect(report).toContain('links checked: 3; ok: 1; redirected: 1; broken: 1');

    const { proposed, changes } = proposeRedirects(facts, results, 'built-in');
    expect(changes).toEqual([
      'moved eServiceUrl: https://skatteverket.se/moved -> https://skatteverket.se/new-home',
    ]);
    expect(proposed.errands.map((one) => one.eServiceUrl)).toEqual([
      'https://skatteverket.se/ok',
      'https://skatteverket.se/new-home',
    ]);
    // A redirect is not a verification: the date and the broken page stay for a person to judge.
    expect(proposed.errands[1]?.link?.verifiedAt).toBe('2026-12-01');
    expect(proposed.errands[1]?.languagePages?.[0]?.url).toBe('https://skatteverket.se/gone');
    expect(facts.errands[1]?.eServiceUrl).toBe('https://skatteverket.se/moved');
  });

  it('reports an unreachable host as broken with the reason, without throwing', async () => {
    const refused: Fetch = () => Promise.reject(new TypeError('fetch failed'));
    const [result] = await checkLinks(linkTargets(facts).slice(0, 1), refused);
    expect(result).toMatchObject({ verdict: 'broken', finalStatus: null, error: 'fetch failed' });
  });

  it('checks a local catalogue’s errands and link changes too', () => {
    const local = {
      schemaVersion: 1 as const,
      errands: [errand('vigsel', 'https://kalmar.se/vigsel')],
      links: { fine: { eServiceUrl: 'https://skatteverket.se/kalmar' } },
      texts: {},
    };
    expect(
      linkTargets(facts, local)
        .map((target) => target.where)
        .slice(3),
    ).toEqual(['local: vigsel eServiceUrl', 'local links: fine eServiceUrl']);
  });
});
