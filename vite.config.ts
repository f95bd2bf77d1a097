import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compression } from 'vite-plugin-compression2';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { APP_VERSION_PATTERN } from './src/protocol/codes';
import { preloadFirstScreenFonts } from './scripts/vite-preload-fonts';
import { prerenderAttract } from './scripts/vite-prerender-attract';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
// A build label lets tests and staff tell two builds apart (the update flow is tested that way).
const appVersion = process.env.HJALPPUNKT_VERSION ?? pkg.version;
// The collector refuses a heartbeat whose appVersion is anything else: fail the build instead.
if (!APP_VERSION_PATTERN.test(appVersion)) {
  throw new Error(`HJALPPUNKT_VERSION "${appVersion}" must be 1.2.3 or 1.2.3-rc.4`);
}

/** The text files of a build, which compress well (the sw.js and workbox files included). */
const TEXT_ASSET = /\.(html|css|js|mjs|json|webmanifest|svg|txt|map)$/;

/**
 * vite-plugin-pwa writes sw.js in its own closeBundle, after vite-plugin-compression2 has
 * compressed the bundle: compress it here, once it holds its final precache manifest.
 */
function compressServiceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'hjalppunkt-compress-sw',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const file = join(outDir, 'sw.js');
        const source = readFileSync(file);
        const brotli = brotliCompressSync(source, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY },
        });
        writeFileSync(`${file}.br`, brotli);
        writeFileSync(`${file}.gz`, gzipSync(source, { level: zlib.Z_BEST_COMPRESSION }));
      },
    },
  };
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  build: {
    outDir: process.env.HJALPPUNKT_OUT_DIR ?? 'dist',
    target: 'es2022',
    // Fonts stay files, however small: the Content-Security-Policy allows fonts from the
    // kiosk's own origin only, not data: addresses (scripts/csp.mjs).
    assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first screen needs, in one script (and so one stylesheet): split
          // by sharing, it came as eight scripts and three stylesheets, each a request of its
          // own before the attract screen could start, and each render-blocking stylesheet a
          // round trip on a slow network. Sections, languages and the staff app stay lazy.
          groups: [{ name: 'app', tags: ['$initial'] }],
        },
      },
    },
  },
  plugins: [
    react(),
    prerenderAttract(),
    preloadFirstScreenFonts(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      integration: {
        // vite-plugin-pwa 2.0.0 builds the service worker with Rollup's `inlineDynamicImports`,
        // which Rolldown (Vite 8) deprecates with a warning on every build (upstream
        // vite-pwa/vite-plugin-pwa#912, fix pending in #939). Ask for the same single bundle
        // the Rolldown way; drop this once the plugin does it itself.
        configureCustomSWViteBuild(swBuild) {
          const output = swBuild.build?.rollupOptions?.output;
          if (output && !Array.isArray(output) && output.inlineDynamicImports) {
            delete output.inlineDynamicImports;
            output.codeSplitting = false;
          }
        },
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,woff2,png,svg,webmanifest}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
      includeAssets: ['icons/favicon.svg'],
      manifest: {
        id: '/',
        name: 'Hjälppunkt – e-serviceverkstad',
        short_name: 'Hjälppunkt',
        description:
          'Hjälp med internet, e-tjänster och ny teknik på bibliotekets e-serviceverkstad.',
        lang: 'sv',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'fullscreen',
        display_override: ['fullscreen', 'standalone'],
        orientation: 'any',
        theme_color: '#0b3d91',
        background_color: '#fdfcf7',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
    }),
    // Brotli and gzip copies of every text file next to the original, so a server can send
    // them as they are (scripts/static-server.mjs, nginx's brotli_static/gzip_static; see
    // docs/deploy.md). Fonts and PNGs are compressed already and are left alone.
    compression({
      include: TEXT_ASSET,
      algorithms: ['brotliCompress', 'gzip'],
      logLevel: 'silent',
    }),
    compressServiceWorker(),
  ],
});
