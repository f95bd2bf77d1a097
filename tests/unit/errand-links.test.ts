/**
 * The built-in catalogue's links (issue 15): every errand says how its address was verified,
 * deep links and language pages stay on the agency's own domains, and an errand with an
 * e-service is never left at the home page without a reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  catalogueFactsSchema,
  linkProblems,
  type CatalogueFacts,
} from '../../src/features/anvanda/catalogue/catalogue-schema';
import {
  LINK_KINDS,
  PAGE_LANGUAGES,
  agencyDomains,
  errandLinkSchema,
  isOnDomains,
  languagePageFor,
  summarizeLinks,
} from '../../src/features/anvanda/catalogue/errand-links';

const facts = catalogueFactsSchema.parse(
  JSON.parse(readFileSync('content/catalogue/errands.json', 'utf8')),
);
const today = new Date().toISOString().slice(0, 10);

function domainsOf(agencyCode: string): string[] {
  const agency = facts.agencies[agencyCode];
  if (!agency) throw new Error(`unknown agency ${agencyCode}`);
  return agencyDomains(agency);
}

describe('the built-in errand links', () => {
  it('every errand has a link of a known kind, a real verification date and a source', () => {
    const broken = facts.errands
      .filter(
        (errand) =>
          !errand.link ||
          !(LINK_KINDS as readonly string[]).includes(errand.link.kind) ||
          errand.link.verifiedAt > today ||
          (errand.link.kind !== 'none-by-design' && !errand.link.source),
      )
      .map((errand) => errand.id);
    expect(broken).toEqual([]);
    expect(linkProblems(facts)).toEqual([]);
  });

  it('deep and search links are on the agency’s own domain', () => {
    const offDomain = facts.errands
      .filter((errand) => errand.link?.kind === 'deep' || errand.link?.kind === 'search')
      .filter((errand) => !isOnDomains(errand.eServiceUrl ?? '', domainsOf(errand.agency)))
      .map((errand) => `${errand.id}: ${errand.eServiceUrl}`);
    expect(offDomain).toEqual([]);
  });

  it('no errand with an e-service is left at the home page without a stated reason', () => {
    const silent = facts.errands
      .filter((errand) => errand.eServiceUrl !== null && errand.link?.kind === 'home')
      .filter((errand) => !errand.link?.note?.trim())
      .map((errand) => errand.id);
    expect(silent).toEqual([]);
    // No address means a local errand by design, said so; an address is never "none".
    for (const errand of facts.errands) {
      expect(errand.link?.kind === 'none-by-design', errand.id).toBe(errand.eServiceUrl === null);
    }
  });

  it('language pages are in kiosk languages other than Swedish, on the agency’s domain', () => {
    const wrong = facts.errands.flatMap((errand) =>
      (errand.languagePages ?? [])
        .filter(
          (page) =>
            !(PAGE_LANGUAGES as readonly string[]).includes(page.lang) ||
            !isOnDomains(page.url, domainsOf(errand.agency)) ||
            page.verifiedAt > today,
        )
        .map((page) => `${errand.id}: ${page.lang} ${page.url}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe('the link rules catch broken data', () => {
  const [first] = facts.errands.filter((errand) => errand.agency === 'skatteverket');
  if (!first) throw new Error('no Skatteverket errand');
  const withErrand = (changes: object): CatalogueFacts => ({
    ...facts,
    errands: [{ ...first, ...changes }],
  });

  it('refuses a missing link, a deep link off the domain and a foreign language page', () => {
    expect(linkProblems(withErrand({ link: undefined }))).toEqual([
      `errand ${first.id} has no link record`,
    ]);
    const offDomain = withErrand({
      eServiceUrl: 'https://skatteverket.example.com/deklaration',
      link: { kind: 'deep', verifiedAt: '2026-12-01', source: 'https://www.skatteverket.se' },
    });
    expect(linkProblems(offDomain)[0]).toMatch(/deep link is not on skatteverket\.se/);
    const foreignPage = withErrand({
      languagePages: [
        {
          lang: 'ar',
          url: 'https://example.org/ar',
          scope: 'general',
          verifiedAt: '2026-12-01',
          source: 'https://example.org/ar',
        },
      ],
    });
    expect(linkProblems(foreignPage)[0]).toMatch(/ar page is not on skatteverket\.se/);
  });

  it('refuses a home link without a note, an impossible date and a sourceless deep link', () => {
    const base = { verifiedAt: '2026-12-01', source: 'https://www.skatteverket.se' };
    expect(errandLinkSchema.safeParse({ ...base, kind: 'home' }).success).toBe(false);
    expect(errandLinkSchema.safeParse({ ...base, kind: 'home', note: 'why' }).success).toBe(true);
    expect(
      errandLinkSchema.safeParse({ ...base, kind: 'deep', verifiedAt: '2026-02-30' }).success,
    ).toBe(false);
    expect(errandLinkSchema.safeParse({ ...base, kind: 'deep', source: null }).success).toBe(false);
    expect(errandLinkSchema.safeParse({ ...base, kind: 'unknown' }).success).toBe(false);
  });

  it('offers the errand’s own page before the general one, and counts the figures', () => {
    const page = (scope: 'errand' | 'general') => ({
      lang: 'ar' as const,
      url: `https://www.skatteverket.se/ar/${scope}`,
      scope,
      verifiedAt: scope === 'errand' ? '2026-11-30' : '2026-10-01',
      source: 'https://www.skatteverket.se',
    });
    expect(languagePageFor([page('general'), page('errand')], 'ar')?.scope).toBe('errand');
    expect(languagePageFor([page('general')], 'fa')).toBeNull();
    const summary = summarizeLinks([
      {
        link: { kind: 'deep', verifiedAt: '2026-12-01', source: 'https://x.se' },
        languagePages: [page('general'), page('errand')],
      },
      { link: { kind: 'home', verifiedAt: '2026-09-01', source: 'https://x.se', note: 'n' } },
      {},
    ]);
    expect(summary).toMatchObject({
      errands: 3,
      byKind: { deep: 1, home: 1, search: 0, 'none-by-design': 0 },
      unrecorded: 1,
      newestVerified: '2026-12-01',
      oldestVerified: '2026-09-01',
    });
    expect(summary.pagesByLanguage.ar).toBe(1);
  });
});
