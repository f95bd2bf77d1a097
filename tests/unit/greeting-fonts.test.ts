/**
 * The committed greeting fonts are exactly what `npm run fonts:greetings` cuts from Noto for
 * today's greetings: a greeting changed without cutting the fonts again would draw a letter
 * the cut font lacks in a fallback font.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cutGreetingFont, GREETING_FONT_DIR, GREETING_FONTS } from '../../scripts/greeting-fonts';

describe('greeting fonts', () => {
  for (const font of GREETING_FONTS) {
    it(`${font.file} is cut from Noto for the current greetings`, async () => {
      const committed = await readFile(`${GREETING_FONT_DIR}${font.file}`);
      const cut = await cutGreetingFont(font.source);
      expect(committed.length).toBeLessThan(8 * 1024);
      expect(Buffer.compare(committed, cut)).toBe(0);
    });
  }
});
