/**
 * What the Använda screen shows for a query: matching errands first (their e-service and
 * contact are one tap away), then matching categories; with no errand hit, the nearest
 * suggestions instead, so the visitor never faces an empty screen.
 */
import type { CategoryCode } from './catalogue-schema';
import type { ErrandHit } from './errand-search';
import type { LoadedCatalogue } from './load-catalogue';

export interface SearchResults {
  errands: ErrandHit[];
  categories: CategoryCode[];
  suggestions: ErrandHit[];
}

export const EMPTY_RESULTS: SearchResults = { errands: [], categories: [], suggestions: [] };
export const MAX_QUERY_LENGTH = 100;
const MAX_ERRANDS = 8;
const MAX_CATEGORIES = 3;

export function searchCatalogue(catalogue: LoadedCatalogue, query: string): SearchResults {
  const trimmed = query.slice(0, MAX_QUERY_LENGTH).trim();
  if (trimmed === '') return EMPTY_RESULTS;
  const errands = catalogue.index.search(trimmed, MAX_ERRANDS);
  const known = new Set<string>(catalogue.facts.categories);
  const categories = [
    ...catalogue.index.searchCategories(trimmed, MAX_CATEGORIES),
    ...errands.map((hit) => hit.category),
  ].filter(
    (category, position, all): category is CategoryCode =>
      known.has(category) && all.indexOf(category) === position,
  );
  return {
    errands,
    categories: categories.slice(0, MAX_CATEGORIES),
    suggestions: errands.length === 0 ? catalogue.index.suggest(trimmed, 3) : [],
  };
}
