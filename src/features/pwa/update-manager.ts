/**
 * Service-worker registration and updates (workbox-window, registerType "prompt").
 * A kiosk never navigates, so it asks for a new version on a timer. A waiting version is
 * activated only while the kiosk is idle on its attract screen, and the page reloads only
 * then: a visitor's session is never interrupted by an update.
 */
import { Workbox } from 'workbox-window';

export interface UpdateController {
  /** The app reports whether the kiosk is idle (on the attract screen, nobody using it). */
  setIdle(idle: boolean): void;
  /** Looks for a new version now (the timer calls this too). */
  checkNow(): Promise<void>;
  /**
   * Resolves once the worker controls the page, or when it never will (no worker, a failed
   * registration, or a worker that this page bypasses), bounded by `limitMs`. On a first
   * start the worker takes control a moment after the page loads; fetches through it answer
   * a missing optional file quietly instead of with a 404 in the console.
   */
  controlled(limitMs?: number): Promise<void>;
}

interface UpdateOptions {
  checkEveryMs: number;
  scriptUrl?: string;
  /**
   * Registers only once this resolves (the app passes "the attract screen is interactive"):
   * a first visit's precaching, a few megabytes, then does not compete with the first
   * screen's own files on a slow network.
   */
  registerAfter?: Promise<unknown>;
}

export function startUpdateManager({
  checkEveryMs,
  scriptUrl = '/sw.js',
  registerAfter = Promise.resolve(),
}: UpdateOptions): UpdateController {
  let idle = false;
  let waiting = false;
  let applying = false;

  if (!('serviceWorker' in navigator) || import.meta.env.DEV) {
    return {
      setIdle: () => undefined,
      checkNow: async () => undefined,
      controlled: async () => undefined,
    };
  }

  const workbox = new Workbox(scriptUrl, { scope: '/' });

  const applyIfIdle = () => {
    if (!waiting || !idle || applying) return;
    applying = true;
    workbox.messageSkipWaiting();
  };

  workbox.addEventListener('waiting', () => {
    // On a first install the new worker can look "waiting" for a moment before it activates
    // by itself; with no controller yet there is nothing to replace, and nothing to reload.
    if (!navigator.serviceWorker.controller) return;
    waiting = true;
    applyIfIdle();
  });
  workbox.addEventListener('controlling', () => {
    // Reload only for an update we applied ourselves (not the first install), and only while idle.
    // (workbox's isUpdate is false when the page had no controller at registration, so not used.)
    if (applying && idle) window.location.reload();
  });
  const registered = registerAfter
    .then(() => workbox.register())
    .catch((error: unknown) => {
      console.error('service worker registration failed', error);
      return undefined;
    });

  const checkNow = async () => {
    try {
      await workbox.update();
    } catch {
      // Offline or the server is down: the next tick tries again; the kiosk keeps working.
    }
  };
  window.setInterval(() => void checkNow(), checkEveryMs);

  const controlled = async (limitMs = 10_000) => {
    const registration = await registered;
    const container = navigator.serviceWorker;
    // Only a first install (a worker on its way, none active) takes control of this page.
    if (!registration || container.controller || registration.active) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        window.clearTimeout(timer);
        container.removeEventListener('controllerchange', done);
        resolve();
      };
      const timer = window.setTimeout(done, limitMs);
      container.addEventListener('controllerchange', done);
    });
  };

  return {
    setIdle(next) {
      idle = next;
      applyIfIdle();
    },
    checkNow,
    controlled,
  };
}
