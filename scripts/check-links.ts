/**
 * `npm run check:links [-- --local path/to/local-catalogue.json] [--write]`: for a machine
 * with internet access (a municipality's office, before a release, about quarterly). Checks
 * every address of the built-in catalogue and its language pages, and of a local catalogue if
 * given: the status, each redirect and the final address. With --write, the redirected
 * addresses are written next to the catalogue as `*.proposed.json` for review; the catalogue
 * itself is never overwritten. Never run in CI: there is no network there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogueFactsSchema } from '../src/features/anvanda/catalogue/catalogue-schema';
import { parseLocalCatalogue } from '../src/features/anvanda/catalogue/local-catalogue';
import { checkLinks, formatReport, linkTargets, proposeRedirects } from './link-check';

const BUILT_IN = 'content/catalogue/errands.json';
const args = process.argv.slice(2);
const write = args.includes('--write');
const localIndex = args.indexOf('--local');
const localPath = localIndex >= 0 ? args[localIndex + 1] : undefined;

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const facts = catalogueFactsSchema.parse(read(BUILT_IN));
let local = null;
if (localPath) {
  const parsed = parseLocalCatalogue(read(localPath), facts);
  if (!parsed.ok) {
    console.error(`${localPath} refused: ${parsed.reason}`);
    process.exit(2);
  }
  local = parsed.catalogue;
}

const targets = linkTargets(facts, local);
console.log(`checking ${targets.length} addresses …`);
const results = await checkLinks(targets, (url, init) => fetch(url, init));
console.log(formatReport(results));

if (write) {
  const proposals: { path: string; content: unknown; changes: string[] }[] = [];
  const builtIn = proposeRedirects(facts, results, 'built-in');
  proposals.push({ path: BUILT_IN, content: builtIn.proposed, changes: builtIn.changes });
  if (local && localPath) {
    const own = proposeRedirects(local, results, 'local');
    proposals.push({ path: localPath, content: own.proposed, changes: own.changes });
  }
  for (const { path, content, changes } of proposals) {
    if (changes.length === 0) {
      console.log(`${path}: no redirected addresses, nothing proposed`);
      continue;
    }
    const target = path.replace(/\.json$/, '.proposed.json');
    writeFileSync(target, `${JSON.stringify(content, null, 2)}\n`);
    console.log(
      `${target}: ${changes.length} proposed change(s), review before replacing ${path}:`,
    );
    for (const change of changes) console.log(`  ${change}`);
  }
}
// Broken links fail the run, so a scheduled job notices.
process.exit(results.some((result) => result.verdict === 'broken') ? 1 : 0);
