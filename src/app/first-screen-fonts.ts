/**
 * The Latin fonts every first screen draws with, loaded before its first render, so that no
 * text swaps font (and moves) after it. index.html preloads both files and they are
 * precached, so this costs next to nothing; `limitMs` bounds the wait on a slow first visit.
 * (The attract screen's greetings in other scripts use a family that never swaps: session.css.)
 */
const SAMPLES: readonly (readonly [weight: number, family: string, text: string])[] = [
  [400, 'Noto Sans', 'Välkommen'],
  [700, 'Noto Sans', 'Välkommen'],
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
