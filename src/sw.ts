/**
 * The service worker, kept small on purpose (after Squoosh): precache the whole app so the
 * kiosk cold-starts with no network, serve the municipality's configuration network-first,
 * and activate a new version only when the page asks (the page asks only while the kiosk
 * is idle on its attract screen, never during a visitor's session). It also drains the log
 * outbox on Background Sync, with the same engine and lock the page uses.
 */
/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { cacheNames, clientsClaim } from 'workbox-core';
import {
  CONFIG_CACHE,
  LOCAL_FILE_HEADER,
  SW_MESSAGE,
  type LocalFileAnswer,
  type PageToWorkerMessage,
} from './protocol/worker-messages';
import { drainFromWorker, OUTBOX_SYNC_TAG } from './sync/worker-drain';

/** The Background Sync event (not in TypeScript's WebWorker library). */
interface SyncEventLike extends ExtendableEvent {
  readonly tag: string;
}

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** The help point's own files: its configuration and its optional local catalogue and lessons. */
const CONFIG_PATHS = new Set([
  '/kiosk-config.json',
  '/local-catalogue.json',
  '/local-lessons.json',
]);

precacheAndRoute(self.__WB_MANIFEST);

/** Chromium's static routing (Chrome and Edge 123+), not yet in TypeScript's WebWorker library. */
interface RoutingInstallEvent extends ExtendableEvent {
  addRoutes?: (rules: {
    condition: { urlPattern: { pathname: string } };
    source: unknown;
  }) => Promise<void>;
}

// The build's hashed files never change under their name, and the install above has put every
// one of them in the precache: let the browser take them from there itself, without waking
// this worker for each. A cold start asks for some twenty of them, and the worker would answer
// them one at a time; answered this way, a start offline costs about what a blank page costs
// beyond its own script. A file missing from the cache falls back to the network, as
// precacheAndRoute does. Other browsers go on through the fetch handler.
self.addEventListener('install', (event) => {
  const routing = event as RoutingInstallEvent;
  if (typeof routing.addRoutes !== 'function') return;
  routing.waitUntil(
    routing
      .addRoutes({
        condition: { urlPattern: { pathname: '/assets/*' } },
        source: { cacheName: cacheNames.precache },
      })
      .catch(() => undefined),
  );
});
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

/** An empty JSON document that says why, instead of a 404 or network error in the console. */
const quietAnswer = (why: LocalFileAnswer) =>
  new Response('null', {
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      [LOCAL_FILE_HEADER]: why,
    },
  });

// These change without a new build, so they are not precached: the network wins, the last
// copy answers offline. A 404 (no local catalogue any more) removes the copy.
registerRoute(
  ({ url }) => url.origin === self.location.origin && CONFIG_PATHS.has(url.pathname),
  async ({ request, url }) => {
    const cache = await caches.open(CONFIG_CACHE);
    try {
      const response = await fetch(request, { cache: 'no-store' });
      if (response.ok) await cache.put(url.pathname, response.clone());
      else if (response.status === 404) {
        await cache.delete(url.pathname);
        return quietAnswer('missing');
      }
      return response;
    } catch {
      return (await cache.match(url.pathname)) ?? quietAnswer('unreachable');
    }
  },
);

// The first install takes control at once; later versions wait for SKIP_WAITING.
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as PageToWorkerMessage | undefined;
  if (message?.type === SW_MESSAGE.skipWaiting) void self.skipWaiting();
});

// Background Sync: fires when connectivity returns, even after the kiosk page has closed.
self.addEventListener('sync', (event) => {
  const syncEvent = event as SyncEventLike;
  if (syncEvent.tag === OUTBOX_SYNC_TAG) syncEvent.waitUntil(drainFromWorker());
});
