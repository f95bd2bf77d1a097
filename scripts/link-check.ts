/**
 * The work behind `npm run check:links`: which addresses the catalogue holds, what each one
 * answers (redirects followed by hand, so the whole chain is recorded), a report a person can
 * read, and the redirected addresses as a proposed change. Fetch is injected, so the unit test
 * runs it against a loopback server; nothing here runs in CI, where there is no network.
 */
import type { CatalogueFacts } from '../src/features/anvanda/catalogue/catalogue-schema';
import type { LocalCatalogue } from '../src/features/anvanda/catalogue/local-catalogue';

export type LinkScope = 'built-in' | 'local' | 'local links';

export interface LinkTarget {
  /** Where in the catalogue: `vab eServiceUrl`, `vab ar page`, `local: bygglov eServiceUrl`. */
  where: string;
  /** The built-in catalogue, a local catalogue's errands, or its `links` section. */
  scope: LinkScope;
  errandId: string;
  field: 'eServiceUrl' | 'languagePage';
  lang?: string;
  url: string;
}

export interface Hop {
  url: string;
  status: number;
}

export interface LinkResult {
  target: LinkTarget;
  /** ok: answered 2xx at the first address; redirected: 2xx after redirects; broken: anything else. */
  verdict: 'ok' | 'redirected' | 'broken';
  chain: Hop[];
  finalUrl: string;
  finalStatus: number | null;
  error?: string;
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

const MAX_REDIRECTS = 10;

interface Linked {
  eServiceUrl?: string | null;
  languagePages?: readonly { lang: string; url: string }[];
}

/** Every address the built-in catalogue (and optionally a local one) sends visitors to. */
export function linkTargets(facts: CatalogueFacts, local?: LocalCatalogue | null): LinkTarget[] {
  const targets: LinkTarget[] = [];
  const add = (scope: LinkScope, errandId: string, errand: Linked) => {
    const prefix = scope === 'built-in' ? '' : `${scope}: `;
    if (errand.eServiceUrl)
      targets.push({
        where: `${prefix}${errandId} eServiceUrl`,
        scope,
        errandId,
        field: 'eServiceUrl',
        url: errand.eServiceUrl,
      });
    for (const page of errand.languagePages ?? [])
      targets.push({
        where: `${prefix}${errandId} ${page.lang} page`,
        scope,
        errandId,
        field: 'languagePage',
        lang: page.lang,
        url: page.url,
      });
  };
  for (const errand of facts.errands) add('built-in', errand.id, errand);
  for (const errand of local?.errands ?? []) add('local', errand.id, errand);
  for (const [id, change] of Object.entries(local?.links ?? {})) add('local links', id, change);
  return targets;
}

/** One address: GET without following redirects, then each Location by hand. */
export async function checkLink(
  target: LinkTarget,
  fetchImpl: Fetch,
  timeoutMs = 15_000,
): Promise<LinkResult> {
  const chain: Hop[] = [];
  let url = target.url;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const response = await fetchImpl(url, {
        method: 'GET',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: { 'user-agent': 'hjalppunkt-check-links' },
      });
      // Only the status matters: do not download the page.
      await response.body?.cancel();
      chain.push({ url, status: response.status });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url).toString();
        continue;
      }
      const good = response.status >= 200 && response.status < 300;
      return {
        target,
        verdict: good ? (chain.length > 1 ? 'redirected' : 'ok') : 'broken',
        chain,
        finalUrl: url,
        finalStatus: response.status,
      };
    }
    return {
      target,
      verdict: 'broken',
      chain,
      finalUrl: url,
      finalStatus: null,
      error: 'too many redirects',
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { target, verdict: 'broken', chain, finalUrl: url, finalStatus: null, error: message };
  }
}

/** A few at a time: polite to the agencies' sites, and quick enough for 100 addresses. */
export async function checkLinks(
  targets: readonly LinkTarget[],
  fetchImpl: Fetch,
  concurrency = 4,
): Promise<LinkResult[]> {
  const results: LinkResult[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    for (let index = next; index < targets.length; index = next) {
      next += 1;
      const target = targets[index];
      if (target) results[index] = await checkLink(target, fetchImpl);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return results;
}

export function formatReport(results: readonly LinkResult[]): string {
  const lines: string[] = [];
  const count = (verdict: LinkResult['verdict']) =>
    results.filter((result) => result.verdict === verdict).length;
  for (const result of results) {
    const chain =
      result.chain.map((hop) => `${hop.status} ${hop.url}`).join(' -> ') || result.target.url;
    const tail = result.error ? ` (${result.error})` : '';
    lines.push(
      `${result.verdict.toUpperCase().padEnd(10)} ${result.target.where}: ${chain}${tail}`,
    );
  }
  lines.push(
    `links checked: ${results.length}; ok: ${count('ok')}; redirected: ${count('redirected')}; broken: ${count('broken')}`,
  );
  return lines.join('\n');
}

/** One errand's (or link change's) addresses with the redirected ones replaced. */
function moveAddresses<T extends Linked>(
  errandId: string,
  errand: T,
  moved: readonly LinkResult[],
  changes: string[],
): T {
  if (moved.length === 0) return errand;
  const next = { ...errand };
  for (const result of moved) {
    if (result.target.field === 'eServiceUrl' && next.eServiceUrl === result.target.url) {
      next.eServiceUrl = result.finalUrl;
      changes.push(`${errandId} eServiceUrl: ${result.target.url} -> ${result.finalUrl}`);
    }
    if (result.target.field === 'languagePage' && next.languagePages) {
      next.languagePages = next.languagePages.map((page) => {
        if (page.url !== result.target.url) return page;
        changes.push(`${errandId} ${page.lang} page: ${page.url} -> ${result.finalUrl}`);
        return { ...page, url: result.finalUrl };
      });
    }
  }
  return next;
}

/**
 * The catalogue with each redirected address replaced by where it ends up (2xx), for a person
 * to review. verifiedAt is left alone: a redirect is not a verification against the source.
 * For a local catalogue, its `links` section is updated as well.
 */
export function proposeRedirects<
  T extends { errands: readonly (Linked & { id: string })[]; links?: Record<string, Linked> },
>(
  catalogue: T,
  results: readonly LinkResult[],
  scope: 'built-in' | 'local',
): { proposed: T; changes: string[] } {
  const changes: string[] = [];
  const movedFor = (inScope: LinkScope, id: string) =>
    results.filter(
      (result) =>
        result.verdict === 'redirected' &&
        result.target.scope === inScope &&
        result.target.errandId === id,
    );
  const errands = catalogue.errands.map((errand) =>
    moveAddresses(errand.id, errand, movedFor(scope, errand.id), changes),
  );
  const links = catalogue.links
    ? Object.fromEntries(
        Object.entries(catalogue.links).map(([id, change]) => [
          id,
          moveAddresses(id, change, movedFor('local links', id), changes),
        ]),
      )
    : undefined;
  return { proposed: { ...catalogue, errands, ...(links ? { links } : {}) }, changes };
}
