/** Loads Testa's items for one language, lazily, validated, in the help point's chosen order. */
import {
  testaFactsSchema,
  testaProblems,
  testaTextsSchema,
  type TestaFacts,
  type TestaItemTexts,
} from './testa-schema';
import type { LanguageCode } from '../../../protocol/vocabulary';
import { describeIssues } from '../../../lib/schema-errors';

const itemFiles = import.meta.glob<{ default: unknown }>('../../../../content/testa/*.json');

export interface LoadedItems {
  items: TestaFacts['items'];
  textsById: Map<string, TestaItemTexts>;
}

async function readFile(name: string): Promise<unknown> {
  const load = itemFiles[`../../../../content/testa/${name}.json`];
  if (!load) throw new Error(`Testa file ${name}.json is missing from the build`);
  return (await load()).default;
}

/** `chosen`: the help point's item ids in its order; unknown ids are left out, not fatal. */
export async function loadItems(
  language: LanguageCode,
  chosen?: readonly string[],
): Promise<LoadedItems> {
  const [rawFacts, rawTexts] = await Promise.all([readFile('items'), readFile(language)]);
  const facts = testaFactsSchema.safeParse(rawFacts);
  if (!facts.success)
    throw new Error(`testa/items.json refused: ${describeIssues(facts.error.issues)}`);
  const texts = testaTextsSchema.safeParse(rawTexts);
  if (!texts.success)
    throw new Error(`testa/${language}.json refused: ${describeIssues(texts.error.issues)}`);
  const problems = testaProblems(facts.data, texts.data);
  if (problems.length > 0)
    throw new Error(`testa/${language}.json refused: ${problems.join('; ')}`);
  const byId = new Map(facts.data.items.map((item) => [item.id, item]));
  const items = chosen
    ? chosen.flatMap((id) => {
        const item = byId.get(id);
        return item ? [item] : [];
      })
    : facts.data.items;
  return { items, textsById: new Map(Object.entries(texts.data.items)) };
}
