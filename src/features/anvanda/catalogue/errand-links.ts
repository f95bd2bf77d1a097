/**
 * Where an errand's "Continue on your phone" leads, and how sure we are of it. Links age, so
 * each one records when and from what it was verified; pages in the visitor's language are
 * data too, verified the same way (see docs/catalogue.md, "Errand links").
 */
import { z } from 'zod/mini';
import { LANGUAGES, type LanguageCode } from '../../../protocol/vocabulary';

/** deep: the agency's own page for the errand; search: its search for the errand's words;
 * home: nothing verified, the home page; none-by-design: no national address (local errand). */
export const LINK_KINDS = ['deep', 'search', 'home', 'none-by-design'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Languages an agency page can be offered in: every kiosk language but Swedish (the default). */
export const PAGE_LANGUAGES = LANGUAGES.filter((code) => code !== 'sv') as Exclude<
  LanguageCode,
  'sv'
>[];

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isoDate = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    z.refine(isRealDate, 'must be a real date'),
  );
const httpsUrl = z.string().check(z.regex(/^https:\/\/[^\s]+$/, 'must be an https:// address'));
/** Where it was verified: the stored material's own address, which may be an old http:// copy. */
const sourceUrl = z.string().check(z.regex(/^https?:\/\/[^\s]+$/, 'must be an http(s):// address'));

export const errandLinkSchema = z
  .strictObject({
    kind: z.enum(LINK_KINDS),
    verifiedAt: isoDate,
    /** The stored page or document the address was checked against; none for none-by-design. */
    source: z.optional(z.nullable(sourceUrl)),
    /** Why, for maintainers (English); required for home and none-by-design. */
    note: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  })
  .check(
    z.refine((link) => link.kind === 'deep' || link.kind === 'search' || Boolean(link.note), {
      message: 'a note is required for home and none-by-design',
      path: ['note'],
    }),
    z.refine((link) => link.kind === 'none-by-design' || Boolean(link.source), {
      message: 'a source is required unless the errand has no address by design',
      path: ['source'],
    }),
  );
export type ErrandLink = z.infer<typeof errandLinkSchema>;

export const languagePageSchema = z.strictObject({
  lang: z.enum(PAGE_LANGUAGES),
  url: httpsUrl,
  /** errand: a page about this errand; general: the agency's general information. */
  scope: z.enum(['errand', 'general']),
  verifiedAt: isoDate,
  source: sourceUrl,
});
export type LanguagePage = z.infer<typeof languagePageSchema>;

export const languagePagesSchema = z
  .array(languagePageSchema)
  .check(z.maxLength(PAGE_LANGUAGES.length * 2));

/** A municipality's change to one errand's links, without restating the whole errand. */
export const linkOverrideSchema = z.strictObject({
  eServiceUrl: z.optional(z.nullable(httpsUrl)),
  link: z.optional(errandLinkSchema),
  languagePages: z.optional(languagePagesSchema),
});
export type LinkOverride = z.infer<typeof linkOverrideSchema>;

/** The page to offer in this language: one about the errand before the general one. */
export function languagePageFor(
  pages: readonly LanguagePage[] | undefined,
  language: LanguageCode,
): LanguagePage | null {
  const inLanguage = (pages ?? []).filter((page) => page.lang === language);
  return inLanguage.find((page) => page.scope === 'errand') ?? inLanguage[0] ?? null;
}

interface LinkedErrand {
  link?: ErrandLink;
  languagePages?: readonly LanguagePage[];
}

export interface LinkSummary {
  errands: number;
  byKind: Record<LinkKind, number>;
  /** Errands without any link record (only possible in a local catalogue). */
  unrecorded: number;
  /** Errands with at least one page in each language. */
  pagesByLanguage: Record<string, number>;
  /** The newest and oldest verifiedAt of links and language pages (YYYY-MM-DD), or null. */
  newestVerified: string | null;
  oldestVerified: string | null;
}

/** Figures for the README, the status view and check:links. */
export function summarizeLinks(errands: readonly LinkedErrand[]): LinkSummary {
  const byKind = Object.fromEntries(LINK_KINDS.map((kind) => [kind, 0])) as Record<
    LinkKind,
    number
  >;
  const pagesByLanguage: Record<string, number> = Object.fromEntries(
    PAGE_LANGUAGES.map((code) => [code, 0]),
  );
  const dates: string[] = [];
  let unrecorded = 0;
  for (const errand of errands) {
    if (errand.link) {
      byKind[errand.link.kind] += 1;
      dates.push(errand.link.verifiedAt);
    } else unrecorded += 1;
    const languages = new Set<string>();
    for (const page of errand.languagePages ?? []) {
      languages.add(page.lang);
      dates.push(page.verifiedAt);
    }
    for (const code of languages) pagesByLanguage[code] = (pagesByLanguage[code] ?? 0) + 1;
  }
  dates.sort();
  return {
    errands: errands.length,
    byKind,
    unrecorded,
    pagesByLanguage,
    newestVerified: dates.at(-1) ?? null,
    oldestVerified: dates[0] ?? null,
  };
}

/** The host without "www.": skatteverket.se for https://www.skatteverket.se/privat. */
export function siteOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
}

/** Is this address on one of the agency's own domains (or a subdomain of one)? */
export function isOnDomains(url: string, domains: readonly string[]): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** The agency's own domains: its website's, plus the ones it lists in otherDomains. */
export function agencyDomains(agency: {
  website: string | null;
  otherDomains?: readonly string[];
}): string[] {
  const own = agency.website ? [siteOf(agency.website)] : [];
  return [...own, ...(agency.otherDomains ?? [])];
}
