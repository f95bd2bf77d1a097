/**
 * The e-service catalogue is data, not code: language-independent facts (errands.json) and
 * one text file per language. These schemas validate both at build time (tests) and at load
 * time, so a broken catalogue is refused with a message that names the field.
 */
import { z } from 'zod/mini';
import { codeSchema } from '../../../protocol/codes';
import { agencyDomains, errandLinkSchema, isOnDomains, languagePagesSchema } from './errand-links';

export const CATEGORY_CODES = [
  'taxes-registration',
  'family-benefits',
  'work-studies',
  'health',
  'identity-eleg',
  'housing-building',
  'money-debts',
  'municipality',
  'library',
  'vehicles-driving',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export const E_LEGITIMATION = ['required', 'optional', 'not-needed'] as const;
export const ROUTE_CODES = [
  'paper',
  'phone',
  'visit',
  'app-code',
  'post',
  'relative',
  'none',
] as const;
export const VISIT_CODES = [
  'service-office',
  'agency-office',
  'police-station',
  'municipality-reception',
  'library',
  'bank-office',
  'health-centre',
  'none',
] as const;

const httpsUrl = z.string().check(z.regex(/^https:\/\/[^\s]+$/, 'must be an https:// address'));
const phone = z.string().check(z.regex(/^[0-9 +\-()]{3,30}$/, 'must be a phone number'));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const agencySchema = z.strictObject({
  name: text(120),
  website: z.nullable(httpsUrl),
  phone: z.nullable(phone),
  /** Domains the agency runs besides its website's (e.g. 1177.se for a region, bankid.com). */
  otherDomains: z.optional(
    z
      .array(z.string().check(z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain name')))
      .check(z.maxLength(10)),
  ),
});

export const errandFactsSchema = z.strictObject({
  id: codeSchema,
  category: z.enum(CATEGORY_CODES),
  agency: codeSchema,
  /** Null for a local errand until the municipality fills in its own address. */
  eServiceUrl: z.nullable(httpsUrl),
  /** Run by the municipality, the library or the bank: details differ from place to place. */
  local: z.optional(z.boolean()),
  eLegitimation: z.enum(E_LEGITIMATION),
  routesWithoutELeg: z
    .array(z.enum(ROUTE_CODES))
    .check(z.minLength(1), z.maxLength(ROUTE_CODES.length)),
  contact: z.strictObject({
    phone: z.nullable(phone),
    website: z.nullable(httpsUrl),
    visit: z.enum(VISIT_CODES),
  }),
  /** How eServiceUrl was verified. Required in the built-in catalogue (see catalogueProblems). */
  link: z.optional(errandLinkSchema),
  /** The agency's own pages in other languages, verified like the link. */
  languagePages: z.optional(languagePagesSchema),
});
export type ErrandFacts = z.infer<typeof errandFactsSchema>;

export const catalogueFactsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  categories: z.array(z.enum(CATEGORY_CODES)),
  agencies: z.record(codeSchema, agencySchema),
  errands: z.array(errandFactsSchema).check(z.minLength(1), z.maxLength(500)),
});
export type CatalogueFacts = z.infer<typeof catalogueFactsSchema>;

export const errandTextsSchema = z.strictObject({
  title: text(120),
  description: text(600),
  withoutELeg: text(600),
  ready: z.array(text(300)).check(z.minLength(1), z.maxLength(8)),
  steps: z.array(text(300)).check(z.minLength(1), z.maxLength(10)),
  /** Comma-separated words people type: synonyms, everyday words, common misspellings. */
  keywords: text(1000),
});
export type ErrandTexts = z.infer<typeof errandTextsSchema>;

export const catalogueTextsSchema = z.strictObject({
  categories: z.partialRecord(
    z.enum(CATEGORY_CODES),
    z.strictObject({ title: text(80), description: text(300) }),
  ),
  agencies: z.record(codeSchema, text(200)),
  routes: z.partialRecord(z.enum(ROUTE_CODES), text(200)),
  visits: z.partialRecord(z.enum(VISIT_CODES), text(200)),
  errands: z.record(codeSchema, errandTextsSchema),
});
export type CatalogueTexts = z.infer<typeof catalogueTextsSchema>;

/** Cross-checks that schemas alone cannot express: every reference resolves, every errand has texts. */
export function catalogueProblems(facts: CatalogueFacts, texts: CatalogueTexts): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const errand of facts.errands) {
    if (ids.has(errand.id)) problems.push(`errand ${errand.id} appears twice`);
    ids.add(errand.id);
    if (!facts.agencies[errand.agency])
      problems.push(`errand ${errand.id}: unknown agency ${errand.agency}`);
    if (!texts.errands[errand.id]) problems.push(`errand ${errand.id} has no texts`);
    for (const route of errand.routesWithoutELeg) {
      if (!texts.routes[route]) problems.push(`route ${route} has no label`);
    }
    if (!texts.visits[errand.contact.visit])
      problems.push(`visit ${errand.contact.visit} has no label`);
  }
  for (const id of Object.keys(texts.errands)) {
    if (!ids.has(id)) problems.push(`texts for unknown errand ${id}`);
  }
  for (const agency of Object.keys(facts.agencies)) {
    if (!texts.agencies[agency]) problems.push(`agency ${agency} has no explanation`);
  }
  for (const category of facts.categories) {
    if (!texts.categories[category]) problems.push(`category ${category} has no title`);
  }
  return [...new Set(problems)];
}

/**
 * The built-in catalogue's link rules (a local catalogue's errands may leave `link` out): every
 * errand says how its address was verified, deep links and language pages stay on the
 * agency's own domains, and "none-by-design" means there is no address.
 */
export function linkProblems(facts: CatalogueFacts): string[] {
  const problems: string[] = [];
  for (const errand of facts.errands) {
    const agency = facts.agencies[errand.agency];
    const domains = agency ? agencyDomains(agency) : [];
    const { link } = errand;
    if (!link) {
      problems.push(`errand ${errand.id} has no link record`);
    } else if (link.kind === 'none-by-design' && errand.eServiceUrl !== null) {
      problems.push(`errand ${errand.id}: none-by-design but eServiceUrl is set`);
    } else if (link.kind !== 'none-by-design' && errand.eServiceUrl === null) {
      problems.push(`errand ${errand.id}: ${link.kind} link without an eServiceUrl`);
    } else if (
      (link.kind === 'deep' || link.kind === 'search') &&
      errand.eServiceUrl &&
      !isOnDomains(errand.eServiceUrl, domains)
    ) {
      problems.push(`errand ${errand.id}: ${link.kind} link is not on ${domains.join(', ')}`);
    }
    const seen = new Set<string>();
    for (const page of errand.languagePages ?? []) {
      if (!isOnDomains(page.url, domains))
        problems.push(`errand ${errand.id}: ${page.lang} page is not on ${domains.join(', ')}`);
      const key = `${page.lang}:${page.scope}`;
      if (seen.has(key)) problems.push(`errand ${errand.id}: two ${key} pages`);
      seen.add(key);
    }
  }
  return problems;
}
