/**
 * Preloads the Noto Sans Latin files (regular and bold) from index.html: every first screen
 * needs them, and a stylesheet alone asks for a font only once text using it is laid out,
 * after the app's script has run. Earlier fonts mean no swap, so no layout shift.
 */
import type { Plugin } from 'vite';

const FIRST_SCREEN_FONTS = [
  /noto-sans-latin-400-normal-.*\.woff2$/,
  /noto-sans-latin-700-normal-.*\.woff2$/,
];

export function preloadFirstScreenFonts(): Plugin {
  return {
    name: 'hjalppunkt-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const files = Object.keys(context.bundle ?? {});
        return FIRST_SCREEN_FONTS.flatMap((pattern) =>
          files.filter((file) => pattern.test(file)),
        ).map((file) => ({
          tag: 'link',
          attrs: {
            rel: 'preload',
            as: 'font',
            type: 'font/woff2',
            href: `/${file}`,
            crossorigin: '',
          },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
