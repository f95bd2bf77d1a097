/**
 * Preloads (without running) the chunk that checks kiosk-config.json, and what it imports,
 * from index.html. The attract screen does not run it when it starts from the checked copy
 * (the usual start, offline too); a first start does, and without this hint it would only
 * ask for it once the app's script has run, one slow round trip later on a phone network.
 */
import type { Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';

const CONFIG_CHECK = /\/src\/lib\/kiosk-config\.ts$/;

function withImports(bundle: OutputBundle, start: OutputChunk): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const chunk = bundle[file];
    if (seen.has(file) || !chunk || chunk.type !== 'chunk') return;
    seen.add(file);
    chunk.imports.forEach(visit);
  };
  visit(start.fileName);
  return [...seen];
}

export function preloadConfigCheck(): Plugin {
  return {
    name: 'hjalppunkt-preload-config-check',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const check = Object.values(bundle).find(
          (item): item is OutputChunk =>
            item.type === 'chunk' && item.moduleIds.some((id) => CONFIG_CHECK.test(id)),
        );
        if (!check) return [];
        // The entry's own preloads are already in the page.
        return withImports(bundle, check)
          .filter((file) => !html.includes(`/${file}`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
