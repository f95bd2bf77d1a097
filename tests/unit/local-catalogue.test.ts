import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  catalogueFactsSchema,
  catalogueProblems,
  catalogueTextsSchema,
} from '../../src/features/anvanda/catalogue/catalogue-schema';
import {
  loadLocalCatalogue,
  mergeCatalogue,
  parseLocalCatalogue,
} from '../../src/features/anvanda/catalogue/local-catalogue';

const read = (file: string) =>
  JSON.parse(readFileSync(`content/catalogue/${file}`, 'utf8')) as unknown;
const facts = catalogueFactsSchema.parse(read('errands.json'));
const arabic = catalogueTextsSchema.parse(read('ar.json'));

const localTexts = {
  title: 'Boka tid för medborgarvigsel',
  description: 'Kommunen viger par i stadshuset. Boka tid i god tid.',
  withoutELeg: 'Ring kommunens kontaktcenter.',
  ready: ['Hindersprövning från Skatteverket'],
  steps: ['Gör hindersprövning', 'Boka tid hos kommunen'],
  keywords: 'vigsel, gifta sig, bröllop, borgerlig vigsel',
};

const local = {
  schemaVersion: 1,
  errands: [
    {
      id: 'vigsel',
      category: 'municipality',
      agency: 'municipality',
      eServiceUrl: 'https://www.kalmar.se/vigsel',
      eLegitimation: 'not-needed',
      routesWithoutELeg: ['phone', 'visit'],
      contact: {
        phone: '0480-45 00 00',
        website: 'https://www.kalmar.se',
        visit: 'municipality-reception',
      },
    },
    {
      ...facts.errands.find((errand) => errand.id === 'bygglov'),
      eServiceUrl: 'https://etjanster.kalmar.se/bygglov',
    },
  ],
  texts: {
    sv: { errands: { vigsel: localTexts, bygglov: { ...localTexts, title: 'Bygglov i Kalmar' } } },
  },
};

describe('a municipality catalogue', () => {
  it('adds local errands and overrides built-in ones by id, falling back to Swedish texts', () => {
    const parsed = parseLocalCatalogue(local, facts);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const merged = mergeCatalogue(facts, arabic, parsed.catalogue, 'ar');
    expect(merged.facts.errands).toHaveLength(facts.errands.length + 1);
    expect(merged.facts.errands.find((errand) => errand.id === 'bygglov')?.eServiceUrl).toBe(
      'https://etjanster.kalmar.se/bygglov',
    );
    expect(merged.texts.errands.vigsel?.title).toBe('Boka tid för medborgarvigsel');
    expect([...merged.swedishFallback].sort()).toEqual(['bygglov', 'vigsel']);
    expect(catalogueProblems(merged.facts, merged.texts)).toEqual([]);
  });

  it('refuses a broken file with a clear reason', () => {
    const wrongType = parseLocalCatalogue(
      { ...local, errands: [{ ...local.errands[0], eLegitimation: 'maybe' }] },
      facts,
    );
    expect(wrongType).toMatchObject({ ok: false });
    expect(!wrongType.ok && wrongType.reason).toMatch(/eLegitimation/);
    const noSwedish = parseLocalCatalogue({ ...local, texts: { en: local.texts.sv } }, facts);
    expect(!noSwedish.ok && noSwedish.reason).toMatch(/texts\.sv\.errands\.vigsel is missing/);
    const unknownAgency = parseLocalCatalogue(
      { ...local, errands: [{ ...local.errands[0], agency: 'okand-myndighet' }] },
      facts,
    );
    expect(!unknownAgency.ok && unknownAgency.reason).toMatch(/unknown agency okand-myndighet/);
    expect(parseLocalCatalogue('<html>', facts).ok).toBe(false);
  });

  it('changes the links of any errand without restating it, and refuses unknown ids', () => {
    const kalmarPage = {
      lang: 'ar',
      url: 'https://www.kalmar.se/ar/bygglov',
      scope: 'errand',
      verifiedAt: '2026-12-01',
      source: 'https://www.kalmar.se/ar/bygglov',
    };
    const withLinks = {
      ...local,
      links: {
        // A built-in errand: this help point's own page for it.
        vab: { eServiceUrl: 'https://www.forsakringskassan.se/vab-kalmar' },
        // A built-in local errand kept as is, given the municipality's page and an Arabic one.
        bostadsko: {
          eServiceUrl: 'https://www.kalmar.se/bostad',
          link: { kind: 'deep', verifiedAt: '2026-12-01', source: 'https://www.kalmar.se/bostad' },
          languagePages: [kalmarPage],
        },
      },
    };
    const parsed = parseLocalCatalogue(withLinks, facts);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const merged = mergeCatalogue(facts, arabic, parsed.catalogue, 'ar');
    const byId = (id: string) => merged.facts.errands.find((errand) => errand.id === id);
    expect(byId('vab')?.eServiceUrl).toBe('https://www.forsakringskassan.se/vab-kalmar');
    // The built-in record described the old address, so it no longer applies.
    expect(byId('vab')?.link).toBeUndefined();
    expect(byId('bostadsko')).toMatchObject({
      eServiceUrl: 'https://www.kalmar.se/bostad',
      link: { kind: 'deep' },
      languagePages: [kalmarPage],
    });
    // Texts stay the built-in ones: only the links changed.
    expect(merged.texts.errands.bostadsko).toEqual(arabic.errands.bostadsko);
    expect(merged.swedishFallback.has('bostadsko')).toBe(false);

    const unknown = parseLocalCatalogue({ ...local, links: { okand: {} } }, facts);
    expect(!unknown.ok && unknown.reason).toMatch(/links\.okand: unknown errand/);
    const notHttps = parseLocalCatalogue(
      { ...local, links: { vab: { eServiceUrl: 'http://kalmar.se/vab' } } },
      facts,
    );
    expect(!notHttps.ok && notHttps.reason).toMatch(/links\.vab\.eServiceUrl/);
  });

  it('without a local catalogue the built-in one is used as is', () => {
    const merged = mergeCatalogue(facts, arabic, null, 'ar');
    expect(merged.facts).toBe(facts);
    expect(merged.swedishFallback.size).toBe(0);
  });
});

describe('loading the local catalogue', () => {
  const storage = (initial: unknown) => {
    const saved: unknown[] = [];
    return {
      saved,
      readLastGood: async () => saved.at(-1) ?? initial,
      saveLastGood: async (catalogue: unknown) => {
        saved.push(catalogue);
      },
    };
  };

  it('uses and remembers a valid file', async () => {
    const store = storage(undefined);
    const result = await loadLocalCatalogue({ ...store, fetchLocal: async () => local }, facts);
    expect(result.status).toBe('loaded');
    expect(result.content?.errands.map((errand) => errand.id)).toEqual(['vigsel', 'bygglov']);
    expect(store.saved).toHaveLength(1);
  });

  it('refuses a broken file with the field named, and keeps the last good one', async () => {
    const store = storage(local);
    const broken = { ...local, errands: [{ ...local.errands[0], category: 'weddings' }] };
    const result = await loadLocalCatalogue({ ...store, fetchLocal: async () => broken }, facts);
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.reason).toMatch(/^errands\.0\.category/);
    expect(result.content?.errands[0]?.id).toBe('vigsel');
    expect(store.saved).toEqual([]);
  });

  it('refuses a file that is not JSON at all', async () => {
    const result = await loadLocalCatalogue(
      { ...storage(undefined), fetchLocal: async () => 'not JSON' },
      facts,
    );
    expect(result).toMatchObject({ status: 'refused', content: null });
  });

  it('offline, the last good one answers; with no file (404), there is none', async () => {
    const offline = await loadLocalCatalogue(
      {
        ...storage(local),
        fetchLocal: () => Promise.reject(new TypeError('Failed to fetch')),
      },
      facts,
    );
    expect(offline.status).toBe('unreachable');
    expect(offline.content?.errands).toHaveLength(2);
    const none = await loadLocalCatalogue(
      { ...storage(local), fetchLocal: async () => null },
      facts,
    );
    expect(none).toEqual({ status: 'none', content: null });
  });

  it('a corrupt last good copy is ignored rather than trusted', async () => {
    const result = await loadLocalCatalogue(
      {
        ...storage({ schemaVersion: 99 }),
        fetchLocal: () => Promise.reject(new TypeError('offline')),
      },
      facts,
    );
    expect(result).toEqual({ status: 'unreachable', content: null });
  });
});
