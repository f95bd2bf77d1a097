/**
 * The fonts the attract screen draws with, loaded before its first render: it greets in
 * Latin, Cyrillic, Arabic and Ethiopic script, and a greeting that first wraps in a fallback
 * font and then in Noto moves the start button (layout shift). The files are precached, so
 * this costs milliseconds; `limitMs` bounds the wait on a first visit over a slow network.
 */
const SAMPLES: readonly (readonly [weight: number, family: string, text: string])[] = [
  [400, 'Noto Sans', 'Välkommen'],
  [700, 'Noto Sans', 'Välkommen'],
  [400, 'Noto Sans', 'Ласкаво'],
  [400, 'Noto Sans Arabic', 'أهلاً'],
  [400, 'Noto Sans Ethiopic', 'እንቋዕ'],
];

export function firstScreenFontsReady(limitMs = 1500): Promise<void> {
  const fonts = globalThis.document?.fonts;
  if (!fonts) return Promise.resolve();
  const loads = Promise.all(
    SAMPLES.map(([weight, family, text]) => fonts.load(`${weight} 1em "${family}"`, text)),
  ).then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([loads, new Promise<void>((resolve) => setTimeout(resolve, limitMs))]);
}
