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
}

interface UpdateOptions {
  checkEveryMs: number;
  scriptUrl?: string;
}

export function startUpdateManager({
  checkEveryMs,
  scriptUrl = '/sw.js',
}: UpdateOptions): UpdateController {
  let idle = false;
  let waiting = false;
  let applying = false;

  if (!('serviceWorker' in navigator) || import.meta.env.DEV) {
    return { setIdle: () => undefined, checkNow: async () => undefined };
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
  workbox
    .register()
    .catch((error: unknown) => console.error('service worker registration failed', error));

  const checkNow = async () => {
    try {
      await workbox.update();
    } catch {
      // Offline or the server is down: the next tick tries again; the kiosk keeps working.
    }
  };
  window.setInterval(() => void checkNow(), checkEveryMs);

  return {
    setIdle(next) {
      idle = next;
      applyIfIdle();
    },
    checkNow,
  };
}
