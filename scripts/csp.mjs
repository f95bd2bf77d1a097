// The kiosk's Content-Security-Policy, in one place: `npm start`'s server sends it
// (scripts/static-server.mjs), tests/browser/csp.spec.ts runs the app under it, and
// docs/deploy.md shows it for a municipality's own web server (a unit test keeps the two equal).
//
// What the app needs, and why nothing more is allowed:
// - scripts, the service worker and workbox: built files from the kiosk's own origin only
//   (script-src 'self'; worker-src falls back to it). index.html has no inline script.
// - styles: built CSS files only. React's `style={…}` props are set through the CSSOM
//   (element.style), which style-src does not govern, so no 'unsafe-inline' is needed.
// - images: own files, and data: URLs for small images a stylesheet may inline. QR codes are
//   drawn as inline SVG elements, not as data: images.
// - fonts, the manifest, kiosk-config.json and the optional local files: 'self' (default-src).
// - network calls: the kiosk's own origin and the one collector it sends its logs to.

/** The directives, in order, with the collector's origin (if any) added to connect-src. */
export function cspDirectives({ collectorOrigin } = {}) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${collectorOrigin ? ` ${originOf(collectorOrigin)}` : ''}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ];
}

/** The Content-Security-Policy header value. */
export function contentSecurityPolicy(options = {}) {
  return cspDirectives(options).join('; ');
}

/** Only the origin of a collector URL (https://collector.example/base → https://collector.example). */
export function originOf(url) {
  const origin = new URL(url).origin;
  if (origin === 'null') throw new Error('A collector origin must be an http(s) URL');
  return origin;
}
