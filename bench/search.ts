/**
 * `npm run bench:search`: search figures in Debian's Chromium.
 *  - the 95th-percentile time per query over the relevance suite (goal ≤ 3 ms);
 *  - the index build time per language;
 *  - the catalogue's gzip size per language (facts shared, texts per language).
 * Prints figures; asserts nothing. Usage: npm run bench:search [-- --smoke]
 */
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { size } from './bench-options.mjs';

const LANGUAGES = ['sv', 'en', 'ar', 'fa', 'so', 'ti', 'uk', 'fi'];
const REPEATS = size(20, 2);
const read = (file: string) =>
  JSON.parse(readFileSync(`content/catalogue/${file}`, 'utf8')) as unknown;
const queries = JSON.parse(readFileSync('content/relevance/queries.json', 'utf8')) as {
  q: string;
  lang: string;
}[];

const work = await mkdtemp(join(tmpdir(), 'hjalppunkt-bench-search-'));
await build({
  configFile: false,
  logLevel: 'error',
  build: {
    outDir: work,
    emptyOutDir: true,
    lib: { entry: 'bench/search-entry.ts', formats: ['es'], fileName: () => 'search.js' },
  },
});
await writeFile(
  join(work, 'index.html'),
  '<!doctype html><script type="module" src="/search.js"></script>',
);
const server = await startStaticServer({ root: work });
const browser = await chromium.launch(chromiumLaunchOptions());

try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => 'runSearchBench' in window);
  const facts = read('errands.json');
  const swedish = read('sv.json');
  const allQueryTimes: number[] = [];
  const rows: string[] = [];
  const factsGzip = gzipSync(JSON.stringify(facts)).length;
  for (const language of LANGUAGES) {
    const texts = read(`${language}.json`);
    const own = queries.filter((query) => query.lang === language).map((query) => query.q);
    const result = await page.evaluate(
      (input) =>
        (
          window as unknown as {
            runSearchBench: (i: typeof input) => { builds: number[]; perQuery: number[] };
          }
        ).runSearchBench(input),
      { facts, texts, swedish, queries: own, repeats: REPEATS },
    );
    allQueryTimes.push(...result.perQuery);
    const buildMedian = [...result.builds].sort((a, b) => a - b)[2] ?? NaN;
    const gzip = gzipSync(JSON.stringify(texts)).length;
    rows.push(
      `  ${language}: index build ${buildMedian.toFixed(1)} ms (median of 5), texts ${(gzip / 1024).toFixed(1)} KB gzip, ${own.length} queries`,
    );
  }
  const sorted = [...allQueryTimes].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  console.log(
    `\nSearch in Chromium over the relevance suite (${sorted.length} queries, each timed over ${REPEATS} runs):`,
  );
  console.log(
    `  per query: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms (goal ≤ 3 ms, ratio ${(p95 / 3).toFixed(2)})`,
  );
  console.log(`Per language (facts shared by all: ${(factsGzip / 1024).toFixed(1)} KB gzip):`);
  console.log(rows.join('\n'));
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
