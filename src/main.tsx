/**
 * Entry point. index.html already holds the attract screen, drawn at build time
 * (src/app/prerender) and inert until the app runs; this entry carries its stylesheets and the
 * two reads the app waits for, and asks for the app itself (src/boot.tsx) once that screen
 * has been painted: on a slow network the screen then shows as soon as the page and its
 * stylesheet are in, instead of after the app's script. The app then draws the working screen
 * over it, in the same place.
 */
import './app/first-paint-styles';
// Started now: IndexedDB and the Cache API answer while the app's script is fetched and run.
import './app/services/early-reads';

/**
 * Resolves once the browser reports the attract screen painted (its first contentful paint),
 * and after a second at most. At once when the service worker answers (the app comes from the
 * device's own cache, so asking for it costs the first paint nothing: the app pauses between
 * its steps, and the browser paints in them), when the page is hidden (nothing is painted), and
 * in development, where index.html has no first paint.
 */
function afterFirstPaint(): Promise<void> {
  if (
    import.meta.env.DEV ||
    navigator.serviceWorker?.controller ||
    document.visibilityState !== 'visible' ||
    !('PerformanceObserver' in window)
  ) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      window.clearTimeout(timer);
      resolve();
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    const timer = window.setTimeout(done, 1000);
    observer.observe({ type: 'paint', buffered: true });
  });
}

void afterFirstPaint()
  .then(() => import('./boot'))
  .catch((error: unknown) => console.error('the app could not start', error));
