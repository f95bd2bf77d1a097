import { describe, expect, it } from 'vitest';
import { buildErrandIndex, foldTerm } from '../../src/features/anvanda/catalogue/errand-search';
import {
  catalogueFactsSchema,
  catalogueProblems,
  catalogueTextsSchema,
  type CatalogueFacts,
  type CatalogueTexts,
} from '../../src/features/anvanda/catalogue/catalogue-schema';

const facts: CatalogueFacts = catalogueFactsSchema.parse({
  schemaVersion: 1,
  categories: ['taxes-registration', 'family-benefits'],
  agencies: {
    skatteverket: {
      name: 'Skatteverket',
      website: 'https://www.skatteverket.se',
      phone: '0771-567 567',
    },
    forsakringskassan: {
      name: 'Försäkringskassan',
      website: 'https://www.forsakringskassan.se',
      phone: null,
    },
  },
  errands: [
    {
      id: 'deklarera',
      category: 'taxes-registration',
      agency: 'skatteverket',
      eServiceUrl: 'https://www.skatteverket.se/privat/deklaration',
      eLegitimation: 'required',
      routesWithoutELeg: ['paper'],
      contact: {
        phone: '0771-567 567',
        website: 'https://www.skatteverket.se',
        visit: 'service-office',
      },
    },
    {
      id: 'foraldrapenning',
      category: 'family-benefits',
      agency: 'forsakringskassan',
      eServiceUrl: 'https://www.forsakringskassan.se',
      eLegitimation: 'required',
      routesWithoutELeg: ['phone'],
      contact: { phone: null, website: null, visit: 'service-office' },
    },
  ],
});

function texts(language: 'sv' | 'ar'): CatalogueTexts {
  const sv = language === 'sv';
  return catalogueTextsSchema.parse({
    categories: {
      'taxes-registration': { title: sv ? 'Skatt' : 'الضرائب', description: 'x' },
      'family-benefits': { title: sv ? 'Familj' : 'الأسرة', description: 'x' },
    },
    agencies: {
      skatteverket: sv ? 'Skattemyndigheten' : 'مصلحة الضرائب',
      forsakringskassan: sv ? 'Försäkringar' : 'التأمينات',
    },
    routes: {
      paper: 'p',
      phone: 'p',
      visit: 'p',
      'app-code': 'p',
      post: 'p',
      relative: 'p',
      none: 'p',
    },
    visits: {
      'service-office': 'v',
      'agency-office': 'v',
      'police-station': 'v',
      'municipality-reception': 'v',
      library: 'v',
      'bank-office': 'v',
      'health-centre': 'v',
      none: 'v',
    },
    errands: {
      deklarera: {
        title: sv ? 'Deklarera' : 'تقديم الإقرار الضريبي',
        description: sv ? 'Lämna din deklaration.' : 'قدّم إقرارك الضريبي.',
        withoutELeg: 'x',
        ready: ['x'],
        steps: ['x'],
        keywords: sv ? 'deklaration, skatt, skattåterbäring' : 'ضريبة, إقرار',
      },
      foraldrapenning: {
        title: sv ? 'Föräldrapenning' : 'إعانة الوالدين',
        description: sv ? 'Pengar när du är hemma med barn.' : 'مال عندما تبقى مع طفلك.',
        withoutELeg: 'x',
        ready: ['x'],
        steps: ['x'],
        keywords: sv ? 'föräldraledig, barn, pappaledig' : 'طفل, إجازة الوالدين',
      },
    },
  });
}

describe('errand search', () => {
  const swedish = texts('sv');
  const svIndex = buildErrandIndex(facts, swedish, swedish);
  const arIndex = buildErrandIndex(facts, texts('ar'), swedish);

  it('folds case, å/ä/ö and Arabic letter variants', () => {
    expect(foldTerm('FÖRÄLDRAPENNING')).toBe('foraldrapenning');
    expect(foldTerm('Skattåterbäring')).toBe('skattaterbaring');
    expect(foldTerm('إقرار')).toBe(foldTerm('اقرار'));
    expect(foldTerm('یک')).toBe(foldTerm('يك'));
  });

  it('finds by prefix, typo and without Swedish letters', () => {
    expect(svIndex.search('dekl')[0]?.id).toBe('deklarera');
    expect(svIndex.search('deklarerra')[0]?.id).toBe('deklarera');
    expect(svIndex.search('foraldrapening')[0]?.id).toBe('foraldrapenning');
    expect(svIndex.search('pappaledig')[0]?.id).toBe('foraldrapenning');
  });

  it('finds Swedish words typed in an Arabic session, and Arabic words', () => {
    expect(arIndex.search('föräldrapenning')[0]?.id).toBe('foraldrapenning');
    expect(arIndex.search('ضريبة')[0]?.id).toBe('deklarera');
    expect(arIndex.search('Skatteverket')[0]?.id).toBe('deklarera');
  });

  it('gives nothing for an empty query and suggestions for a wild one', () => {
    expect(svIndex.search('   ')).toEqual([]);
    expect(svIndex.search('xyzzy')).toEqual([]);
    expect(svIndex.suggest('deklaratsion').map((hit) => hit.id)).toContain('deklarera');
  });

  it('catalogue cross-checks name every broken reference', () => {
    const [first] = facts.errands;
    if (!first) throw new Error('fixture has no errands');
    const broken = { ...facts, errands: [...facts.errands, { ...first, agency: 'okand' }] };
    expect(catalogueProblems(broken, swedish)).toEqual(
      expect.arrayContaining([
        'errand deklarera appears twice',
        'errand deklarera: unknown agency okand',
      ]),
    );
    expect(catalogueProblems(facts, swedish)).toEqual([]);
  });
});

describe('the catalogue content', () => {
  it('the drafted facts and the texts in all eight languages are valid, complete and aligned with English', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const read = (file: string) =>
      JSON.parse(readFileSync(`content/catalogue/${file}`, 'utf8')) as unknown;
    const draftFacts = catalogueFactsSchema.parse(read('errands.json'));
    expect(draftFacts.errands.length).toBeGreaterThanOrEqual(45);
    const english = catalogueTextsSchema.parse(read('en.json'));
    const shape = (texts: CatalogueTexts) =>
      Object.entries(texts.errands).map(
        ([id, errand]) => `${id}:${errand.ready.length}:${errand.steps.length}`,
      );
    const languages = ['sv', 'en', 'ar', 'fa', 'so', 'ti', 'uk', 'fi'];
    expect(
      languages.filter((language) => !existsSync(`content/catalogue/${language}.json`)),
    ).toEqual([]);
    for (const language of languages) {
      const draftTexts = catalogueTextsSchema.parse(read(`${language}.json`));
      expect(catalogueProblems(draftFacts, draftTexts)).toEqual([]);
      expect(shape(draftTexts)).toEqual(shape(english));
    }
  });
});
