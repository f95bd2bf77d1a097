/**
 * The municipality's dashboard: its own entry (dashboard.html → src/dashboard/), built into
 * dist-dashboard/ and served by the collector at /admin/. No PWA plugin: it is never precached,
 * and the kiosk's build (vite.config.ts) never sees this entry.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

export default defineConfig({
  base: '/admin/',
  // Nothing from public/ (the kiosk's icons, its kiosk-config.json) belongs to the dashboard.
  publicDir: false,
  build: {
    outDir: process.env.HJALPPUNKT_DASHBOARD_OUT_DIR ?? 'dist-dashboard',
    target: 'es2022',
    emptyOutDir: true,
    // Plot and React in one chunk (~190 kB gzip) for a staff tool on a desktop: fine.
    chunkSizeWarningLimit: 700,
    rollupOptions: { input: { dashboard: 'dashboard.html' } },
  },
  plugins: [
    react(),
    {
      // The collector serves /admin/ as a directory: its page must be index.html.
      name: 'dashboard-index-html',
      enforce: 'post',
      generateBundle(_options, bundle) {
        const page = bundle['dashboard.html'];
        if (page) {
          page.fileName = 'index.html';
        }
      },
    },
    // Brotli and gzip copies of the text files, which the collector sends as they are
    // (preCompressed in server/src/dashboard/static.ts) instead of compressing per request.
    compression({
      include: /\.(html|css|js|json|svg)$/,
      algorithms: ['brotliCompress', 'gzip'],
      logLevel: 'silent',
    }),
  ],
});
