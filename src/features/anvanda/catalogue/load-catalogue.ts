/**
 * Loads the catalogue for one visitor language, lazily: the facts and that language's texts
 * (plus Swedish, which search always covers) are separate chunks, precached by the service
 * worker, so nothing here needs the network. Both are validated at load time as well as in
 * the tests, and the municipality's local catalogue (already validated) is merged on top.
 */
import type { z } from 'zod/mini';
import {
  catalogueFactsSchema,
  catalogueProblems,
  catalogueTextsSchema,
  type CatalogueFacts,
  type CatalogueTexts,
  type ErrandFacts,
} from './catalogue-schema';
import { buildErrandIndex, type ErrandIndex } from './errand-search';
import { summarizeLinks, type LinkSummary } from './errand-links';
import {
  loadLocalCatalogue,
  mergeCatalogue,
  parseLocalCatalogue,
  type LocalCatalogue,
  type LocalCatalogueLoad,
} from './local-catalogue';
import { fetchLocalJson, type LocalContentSources } from '../../../lib/local-content';
import type { LanguageCode } from '../../../protocol/vocabulary';
import { describeIssues } from '../../../lib/schema-errors';

const catalogueFiles = import.meta.glob<{ default: unknown }>(
  '../../../../content/catalogue/*.json',
);

export interface LoadedCatalogue {
  language: LanguageCode;
  facts: CatalogueFacts;
  texts: CatalogueTexts;
  errandsById: Map<string, ErrandFacts>;
  /** Errands shown in Swedish because the local catalogue has no text in this language. */
  swedishFallback: Set<string>;
  index: ErrandIndex;
}

async function readFile(name: string): Promise<unknown> {
  const load = catalogueFiles[`../../../../content/catalogue/${name}.json`];
  if (!load) throw new Error(`catalogue file ${name}.json is missing from the build`);
  return (await load()).default;
}

function validate<T>(schema: z.ZodMiniType<T>, raw: unknown, what: string): T {
  const result = schema.safeParse(raw);
  if (!result.success)
    throw new Error(`${what} refused: ${describeIssues(result.error.issues, 3)}`);
  return result.data;
}

/**
 * The index is built once per language and kept for later visits (it holds only catalogue
 * text, nothing of a visitor), until the local catalogue changes.
 */
const built = new Map<LanguageCode, { localKey: string; catalogue: Promise<LoadedCatalogue> }>();

export function loadCatalogue(
  language: LanguageCode,
  local: LocalCatalogue | null,
): Promise<LoadedCatalogue> {
  const localKey = JSON.stringify(local);
  const cached = built.get(language);
  if (cached && cached.localKey === localKey) return cached.catalogue;
  const catalogue = buildCatalogue(language, local);
  built.set(language, { localKey, catalogue });
  // A failed load is not kept: the next visit tries again.
  catalogue.catch(() => {
    if (built.get(language)?.catalogue === catalogue) built.delete(language);
  });
  return catalogue;
}

async function buildCatalogue(
  language: LanguageCode,
  local: LocalCatalogue | null,
): Promise<LoadedCatalogue> {
  const [rawFacts, rawTexts, rawSwedish] = await Promise.all([
    readFile('errands'),
    readFile(language),
    language === 'sv' ? null : readFile('sv'),
  ]);
  const builtInFacts = validate(catalogueFactsSchema, rawFacts, 'errands.json');
  const builtInTexts = validate(catalogueTextsSchema, rawTexts, `${language}.json`);
  const builtInSwedish =
    rawSwedish === null ? builtInTexts : validate(catalogueTextsSchema, rawSwedish, 'sv.json');
  const problems = catalogueProblems(builtInFacts, builtInTexts);
  if (problems.length > 0) throw new Error(`${language}.json refused: ${problems.join('; ')}`);

  const merged = mergeCatalogue(builtInFacts, builtInTexts, local, language);
  const swedish =
    language === 'sv'
      ? merged.texts
      : mergeCatalogue(builtInFacts, builtInSwedish, local, 'sv').texts;
  return {
    language,
    facts: merged.facts,
    texts: merged.texts,
    errandsById: new Map(merged.facts.errands.map((errand) => [errand.id, errand])),
    swedishFallback: merged.swedishFallback,
    index: buildErrandIndex(merged.facts, merged.texts, swedish),
  };
}

/**
 * Reads the local catalogue: from the help point's settings when the collector sent them
 * (`source`), else `/local-catalogue.json` over the service worker (network first).
 */
export async function refreshLocalCatalogue(
  storage: Pick<LocalContentSources, 'readLastGood' | 'saveLastGood'>,
  source: () => Promise<unknown> = () => fetchLocalJson('/local-catalogue.json'),
): Promise<LocalCatalogueLoad> {
  const builtIn = catalogueFactsSchema.parse(await readFile('errands'));
  return loadLocalCatalogue({ ...storage, fetchLocal: source }, builtIn);
}

/** Would this local catalogue be accepted? For checking a settings version before use. */
export async function checkLocalCatalogue(raw: unknown): Promise<string | null> {
  const parsed = parseLocalCatalogue(raw, catalogueFactsSchema.parse(await readFile('errands')));
  return parsed.ok ? null : parsed.reason;
}

/** How old the built-in catalogue's links are, for the staff's status view. */
export async function loadLinkSummary(): Promise<LinkSummary> {
  return summarizeLinks(catalogueFactsSchema.parse(await readFile('errands')).errands);
}
