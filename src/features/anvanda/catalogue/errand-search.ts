/**
 * Errand search over the catalogue with MiniSearch: one index per visitor language, holding
 * that language's texts and the Swedish ones side by side, because people type Swedish agency
 * words whatever their language. Prefix and typo tolerant; case, diacritics (å/ä/ö → a/a/o)
 * and Arabic-script letter variants are folded before indexing and searching alike.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { CatalogueFacts, CatalogueTexts } from './catalogue-schema';

interface ErrandDocument {
  id: string;
  category: string;
  title: string;
  keywords: string;
  description: string;
  titleSv: string;
  keywordsSv: string;
  agency: string;
}

const FIELDS = ['title', 'keywords', 'description', 'titleSv', 'keywordsSv', 'agency'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = {
  title: 4,
  keywords: 3,
  titleSv: 3,
  keywordsSv: 2.5,
  agency: 1.5,
  description: 1,
};

/** Folds a term so that what people type matches what is written. */
export function foldTerm(term: string): string {
  return term
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // Latin diacritics: å ä ö é → a a o e
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // Arabic vowel marks and tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ة/g, 'ه')
    .replace(/ё/g, 'е')
    .normalize('NFC');
}

export interface ErrandHit {
  id: string;
  category: string;
  score: number;
}

export interface ErrandIndex {
  search(query: string, limit?: number): ErrandHit[];
  /** Looser matching for "did you mean": used when search finds nothing. */
  suggest(query: string, limit?: number): ErrandHit[];
  /** Categories whose own title or description matches: shown after the errands. */
  searchCategories(query: string, limit?: number): string[];
}

const foldOrDrop = (term: string) => {
  const folded = foldTerm(term);
  return folded.length > 0 ? folded : null;
};

export function buildErrandIndex(
  facts: CatalogueFacts,
  texts: CatalogueTexts,
  swedish: CatalogueTexts,
): ErrandIndex {
  const documents: ErrandDocument[] = facts.errands.map((errand) => {
    const own = texts.errands[errand.id];
    const sv = swedish.errands[errand.id];
    return {
      id: errand.id,
      category: errand.category,
      title: own?.title ?? '',
      keywords: own?.keywords ?? '',
      description: own?.description ?? '',
      titleSv: sv?.title ?? '',
      keywordsSv: sv?.keywords ?? '',
      agency: `${facts.agencies[errand.agency]?.name ?? ''} ${texts.agencies[errand.agency] ?? ''}`,
    };
  });
  const index = new MiniSearch<ErrandDocument>({
    fields: [...FIELDS],
    storeFields: ['category'],
    processTerm: foldOrDrop,
    searchOptions: {
      boost: BOOST,
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 7 ? 0.25 : term.length >= 4 ? 1 : false),
      combineWith: 'OR',
    },
  });
  index.addAll(documents);

  const categoryIndex = new MiniSearch<{ id: string; own: string; sv: string }>({
    fields: ['own', 'sv'],
    processTerm: foldOrDrop,
    searchOptions: {
      boost: { own: 2 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
    },
  });
  categoryIndex.addAll(
    facts.categories.map((category) => {
      const own = texts.categories[category];
      const sv = swedish.categories[category];
      return {
        id: category,
        own: `${own?.title ?? ''} ${own?.description ?? ''}`,
        sv: `${sv?.title ?? ''} ${sv?.description ?? ''}`,
      };
    }),
  );

  const toHits = (results: SearchResult[], limit: number): ErrandHit[] =>
    results.slice(0, limit).map((result) => ({
      id: String(result.id),
      category: String(result.category),
      score: result.score,
    }));

  return {
    search(query, limit = 10) {
      if (query.trim() === '') return [];
      return toHits(index.search(query), limit);
    },
    suggest(query, limit = 3) {
      if (query.trim() === '') return [];
      return toHits(index.search(query, { fuzzy: 0.4, prefix: true, combineWith: 'OR' }), limit);
    },
    searchCategories(query, limit = 3) {
      if (query.trim() === '') return [];
      return categoryIndex
        .search(query)
        .slice(0, limit)
        .map((result) => String(result.id));
    },
  };
}
