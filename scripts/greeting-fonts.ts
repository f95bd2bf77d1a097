/**
 * `npm run fonts:greetings`: the attract screen's greetings in Arabic script, Ethiopic and
 * Cyrillic are drawn with Noto, cut down to the letters of the greetings themselves
 * (src/features/session/greetings.ts): a few kilobytes instead of 130 KB, so that a first visit
 * on a slow network does not wait for three whole fonts before it can paint the first screen.
 * The cut files are committed; tests/unit/greeting-fonts.test.ts fails when they no longer
 * match the greetings. The full fonts still come with a visitor's language.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { GREETINGS } from '../src/features/session/greetings';

const require = createRequire(import.meta.url);

/** Each cut font: its source in @fontsource, and the file it is written to. */
export const GREETING_FONTS = [
  {
    source: '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2',
    file: 'greeting-arabic.woff2',
  },
  {
    source: '@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2',
    file: 'greeting-ethiopic.woff2',
  },
  {
    source: '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2',
    file: 'greeting-cyrillic.woff2',
  },
] as const;

export const GREETING_FONT_DIR = fileURLToPath(
  new URL('../src/features/session/fonts/', import.meta.url),
);

/** One font cut down to the greetings' letters (every greeting, so each font keeps its own). */
export async function cutGreetingFont(source: string): Promise<Buffer> {
  const full = await readFile(require.resolve(source));
  return subsetFont(full, Object.values(GREETINGS).join(' '), { targetFormat: 'woff2' });
}

async function main() {
  for (const font of GREETING_FONTS) {
    const cut = await cutGreetingFont(font.source);
    await writeFile(`${GREETING_FONT_DIR}${font.file}`, cut);
    console.log(`${font.file}: ${cut.length} bytes`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
