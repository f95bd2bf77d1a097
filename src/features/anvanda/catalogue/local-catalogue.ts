/**
 * A municipality's own catalogue (`/local-catalogue.json`): local errands, overrides of
 * built-in ones by id (e.g. the local e-service address of a municipal errand), and changes to
 * just the links of any errand (`links`), which need no texts. It is merged
 * over the built-in catalogue. An invalid file is refused with a message naming the field,
 * and the last good local catalogue stays in use. Texts missing in a language fall back to
 * Swedish, which every local errand must have.
 */
import { z } from 'zod/mini';
import {
  agencySchema,
  catalogueTextsSchema,
  errandFactsSchema,
  errandTextsSchema,
  type CatalogueFacts,
  type CatalogueTexts,
  type ErrandTexts,
} from './catalogue-schema';
import { describeIssues } from '../../../lib/schema-errors';
import {
  loadLocalContent,
  type LocalContentLoad,
  type LocalContentSources,
} from '../../../lib/local-content';
import { linkOverrideSchema, type LinkOverride } from './errand-links';
import { codeSchema } from '../../../protocol/codes';
import { LANGUAGES, type LanguageCode } from '../../../protocol/vocabulary';

export const localCatalogueSchema = z.strictObject({
  schemaVersion: z.literal(1),
  agencies: z.optional(z.record(codeSchema, agencySchema)),
  errands: z.array(errandFactsSchema).check(z.maxLength(300)),
  /** By errand id (built-in or local): this help point's own address or language pages. */
  links: z.optional(z.record(codeSchema, linkOverrideSchema)),
  /** Per language: errand texts, and explanations for any new agency. Swedish is required. */
  texts: z.partialRecord(
    z.enum(LANGUAGES),
    z.strictObject({
      errands: z.record(codeSchema, errandTextsSchema),
      agencies: z.optional(
        z.record(codeSchema, z.string().check(z.minLength(1), z.maxLength(200))),
      ),
    }),
  ),
});
export type LocalCatalogue = z.infer<typeof localCatalogueSchema>;

export type LocalCatalogueResult =
  { ok: true; catalogue: LocalCatalogue } | { ok: false; reason: string };

/** Validates a local catalogue against itself and the built-in one it extends. */
export function parseLocalCatalogue(raw: unknown, builtIn: CatalogueFacts): LocalCatalogueResult {
  const parsed = localCatalogueSchema.safeParse(raw);
  if (!parsed.success) {
    const reason = describeIssues(parsed.error.issues);
    return { ok: false, reason };
  }
  const local = parsed.data;
  const agencies = { ...builtIn.agencies, ...local.agencies };
  const problems: string[] = [];
  for (const errand of local.errands) {
    if (!agencies[errand.agency])
      problems.push(`errands.${errand.id}: unknown agency ${errand.agency}`);
    if (!local.texts.sv?.errands[errand.id])
      problems.push(`texts.sv.errands.${errand.id} is missing`);
  }
  const known = new Set([...builtIn.errands, ...local.errands].map((errand) => errand.id));
  for (const id of Object.keys(local.links ?? {})) {
    if (!known.has(id)) problems.push(`links.${id}: unknown errand`);
  }
  for (const agency of Object.keys(local.agencies ?? {})) {
    if (!local.texts.sv?.agencies?.[agency])
      problems.push(`texts.sv.agencies.${agency} is missing`);
  }
  return problems.length > 0
    ? { ok: false, reason: problems.slice(0, 5).join('; ') }
    : { ok: true, catalogue: local };
}

export interface MergedCatalogue {
  facts: CatalogueFacts;
  texts: CatalogueTexts;
  /** Errands whose texts are shown in Swedish because the language has none (marked lang="sv"). */
  swedishFallback: Set<string>;
}

/**
 * One errand with the help point's link changes. A new address without a new link record
 * drops the built-in record, which described the old address.
 */
function withLinks<T extends CatalogueFacts['errands'][number]>(
  errand: T,
  change: LinkOverride | undefined,
): T {
  if (!change) return errand;
  const next = { ...errand };
  if (change.eServiceUrl !== undefined) {
    next.eServiceUrl = change.eServiceUrl;
    next.link = change.link;
  } else if (change.link) next.link = change.link;
  if (change.languagePages) next.languagePages = change.languagePages;
  return next;
}

/**
 * Built-in plus local: local errands replace built-in ones with the same id, new ones are
 * added, and `links` changes the addresses of any of them.
 */
export function mergeCatalogue(
  facts: CatalogueFacts,
  texts: CatalogueTexts,
  local: LocalCatalogue | null,
  language: LanguageCode,
): MergedCatalogue {
  if (!local) return { facts, texts, swedishFallback: new Set() };
  const localIds = new Set(local.errands.map((errand) => errand.id));
  const own = local.texts[language];
  const swedish = local.texts.sv;
  const swedishFallback = new Set<string>();
  const errandTexts: Record<string, ErrandTexts> = { ...texts.errands };
  for (const id of localIds) {
    const text = own?.errands[id] ?? swedish?.errands[id];
    if (!text) continue;
    if (!own?.errands[id]) swedishFallback.add(id);
    errandTexts[id] = text;
  }
  const merged = catalogueTextsSchema.parse({
    ...texts,
    agencies: { ...texts.agencies, ...swedish?.agencies, ...own?.agencies },
    errands: errandTexts,
  });
  return {
    facts: {
      ...facts,
      agencies: { ...facts.agencies, ...local.agencies },
      errands: [
        ...facts.errands.filter((errand) => !localIds.has(errand.id)),
        ...local.errands,
      ].map((errand) => withLinks(errand, local.links?.[errand.id])),
    },
    texts: merged,
    swedishFallback,
  };
}

export type LocalCatalogueLoad = LocalContentLoad<LocalCatalogue>;

/** Fetches the local catalogue; a refused or unreachable file leaves the last good one in use. */
export function loadLocalCatalogue(
  sources: LocalContentSources,
  builtIn: CatalogueFacts,
): Promise<LocalCatalogueLoad> {
  return loadLocalContent(sources, (raw) => {
    const parsed = parseLocalCatalogue(raw, builtIn);
    return parsed.ok ? { ok: true, value: parsed.catalogue } : parsed;
  });
}
