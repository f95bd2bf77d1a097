/**
 * The comparison for `npm run bench:sync`: a service worker that queues and replays log
 * events the way an app built on Workbox alone would, one request per event through
 * workbox-background-sync's Queue. It is built and served only by the benchmark.
 */
/// <reference lib="webworker" />
import { Queue } from 'workbox-background-sync';

declare const self: ServiceWorkerGlobalScope;

// forceSyncFallback: no Background Sync registration, so the replay below is the only one.
const queue = new Queue('hjalppunkt-bench', { forceSyncFallback: true, maxRetentionTime: 24 * 60 });

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const { url, token, events } = event.data as { url: string; token: string; events: unknown[] };
  event.waitUntil(
    (async () => {
      const queuedStart = performance.now();
      for (const logEvent of events) {
        await queue.pushRequest({
          request: new Request(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ events: [logEvent] }),
          }),
        });
      }
      const replayStart = performance.now();
      await queue.replayRequests();
      const replayEnd = performance.now();
      event.source?.postMessage({
        queueMs: replayStart - queuedStart,
        replayMs: replayEnd - replayStart,
      });
    })(),
  );
});
