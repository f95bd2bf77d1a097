/**
 * `npm run links:figures`: the figures the README states about the built-in errand links –
 * how many errands have a verified deep link, how many have a page in each language, and the
 * dates of the newest and oldest verification. Offline: it only reads the catalogue.
 */
import { readFileSync } from 'node:fs';
import { catalogueFactsSchema } from '../src/features/anvanda/catalogue/catalogue-schema';
import { summarizeLinks } from '../src/features/anvanda/catalogue/errand-links';

const facts = catalogueFactsSchema.parse(
  JSON.parse(readFileSync('content/catalogue/errands.json', 'utf8')),
);
const summary = summarizeLinks(facts.errands);
const { byKind } = summary;
const pages = Object.entries(summary.pagesByLanguage)
  .map(([lang, count]) => `${lang} ${count}`)
  .join(', ');
console.log(
  `errand links: ${byKind.deep} of ${summary.errands} errands with a verified deep link; ` +
    `search ${byKind.search}, home (unverified) ${byKind.home}, none-by-design ${byKind['none-by-design']}`,
);
console.log(`errands with an agency page per language: ${pages}`);
console.log(
  `last verification: ${summary.newestVerified ?? 'never'} (oldest: ${summary.oldestVerified ?? 'never'})`,
);
