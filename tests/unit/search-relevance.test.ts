/**
 * The relevance suite: each query names the errand it must find. The errand must be in the
 * top 3 for at least 95 % of queries; the score is printed. Queries exist for every language
 * whose catalogue texts exist.
 */
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  catalogueFactsSchema,
  catalogueTextsSchema,
  type CatalogueTexts,
} from '../../src/features/anvanda/catalogue/catalogue-schema';
import {
  buildErrandIndex,
  type ErrandIndex,
} from '../../src/features/anvanda/catalogue/errand-search';

interface RelevanceQuery {
  q: string;
  lang: string;
  expect: string;
}

const DIR = 'content/catalogue';
const facts = catalogueFactsSchema.parse(JSON.parse(readFileSync(`${DIR}/errands.json`, 'utf8')));
const texts = (language: string): CatalogueTexts =>
  catalogueTextsSchema.parse(JSON.parse(readFileSync(`${DIR}/${language}.json`, 'utf8')));
const queries = JSON.parse(
  readFileSync('content/relevance/queries.json', 'utf8'),
) as RelevanceQuery[];

describe('search relevance', () => {
  it('finds the expected errand in the top 3 for at least 95 % of the queries', () => {
    const swedish = texts('sv');
    const indexes = new Map<string, ErrandIndex>();
    const misses: string[] = [];
    let hits = 0;
    for (const query of queries) {
      if (!existsSync(`${DIR}/${query.lang}.json`))
        throw new Error(`no catalogue for ${query.lang}`);
      let index = indexes.get(query.lang);
      if (!index) {
        index = buildErrandIndex(facts, texts(query.lang), swedish);
        indexes.set(query.lang, index);
      }
      const top = index.search(query.q, 3).map((hit) => hit.id);
      expect(facts.errands.some((errand) => errand.id === query.expect)).toBe(true);
      if (top.includes(query.expect)) hits += 1;
      else
        misses.push(
          `${query.lang} "${query.q}" → ${top.join(', ') || 'nothing'} (want ${query.expect})`,
        );
    }
    const score = hits / queries.length;
    console.log(
      `search relevance: ${hits}/${queries.length} in the top 3 (${(score * 100).toFixed(1)} %)`,
    );
    if (misses.length > 0) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(queries.length).toBeGreaterThanOrEqual(150);
    expect(score).toBeGreaterThanOrEqual(0.95);
  });
});
