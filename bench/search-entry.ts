/**
 * Browser entry for `npm run bench:search`: builds the real errand index in the page and
 * times each query there, so the figures are Chromium's, not Node's.
 */
import { buildErrandIndex } from '../src/features/anvanda/catalogue/errand-search';
import type {
  CatalogueFacts,
  CatalogueTexts,
} from '../src/features/anvanda/catalogue/catalogue-schema';

interface BenchInput {
  facts: CatalogueFacts;
  texts: CatalogueTexts;
  swedish: CatalogueTexts;
  queries: string[];
  repeats: number;
}

function runSearchBench({ facts, texts, swedish, queries, repeats }: BenchInput) {
  const builds: number[] = [];
  let index = buildErrandIndex(facts, texts, swedish);
  for (let round = 0; round < 5; round += 1) {
    const started = performance.now();
    index = buildErrandIndex(facts, texts, swedish);
    builds.push(performance.now() - started);
  }
  const perQuery = queries.map((query) => {
    const started = performance.now();
    for (let round = 0; round < repeats; round += 1) index.search(query, 3);
    return (performance.now() - started) / repeats;
  });
  return { builds, perQuery };
}

(window as unknown as { runSearchBench: typeof runSearchBench }).runSearchBench = runSearchBench;
