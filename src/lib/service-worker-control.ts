/**
 * Resolves once the service worker controls this page, or after `limitMs`, or at once where
 * there is none (development, or no service worker support). On a kiosk's very first start
 * the worker takes control a moment after the page loads; fetching a help point's optional
 * files through it then answers a missing file quietly instead of with a logged 404.
 */
export function serviceWorkerInControl(limitMs = 10_000): Promise<void> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container || import.meta.env.DEV || container.controller) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      window.clearTimeout(timer);
      container.removeEventListener('controllerchange', done);
      resolve();
    };
    const timer = window.setTimeout(done, limitMs);
    container.addEventListener('controllerchange', done);
  });
}
