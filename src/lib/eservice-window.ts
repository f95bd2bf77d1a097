/**
 * The e-service window a kiosk opens when the help point allows it (`openEServiceOnKiosk`).
 * The kiosk keeps its handle so that ending the visit, by the visitor or by the idle timer,
 * closes it: the e-service (and whoever logged in there) must not outlive the visit. Its
 * cookies live in the browser profile, outside the app; the README says how the kiosk's
 * browser must discard them.
 *
 * While it is open the session uses a longer idle limit (`eServiceIdleMinutes`), because the
 * kiosk page sees no touches made in the other window.
 */
import { onVisitorWipe } from './visitor-wipe';

let opened: Window | null = null;
let watcher: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();
/** How often the kiosk checks whether the visitor closed the window themselves. */
const WATCH_MS = 1000;

function changed(next: Window | null): void {
  opened = next;
  clearInterval(watcher);
  watcher = undefined;
  if (next) {
    watcher = setInterval(() => {
      if (opened?.closed) changed(null);
    }, WATCH_MS);
  }
  listeners.forEach((listener) => listener());
}

/** Opens the e-service in a new window; false when the browser refused (a pop-up blocker). */
export function openEServiceWindow(url: string): boolean {
  closeEServiceWindow();
  // Neither "noopener" nor cutting `opener` afterwards: Chromium lets a page close another
  // top-level window only while it is that window's opener. The e-service page can therefore
  // reach `window.opener` (to navigate or message the kiosk page, nothing more across
  // origins); only the curated catalogue's e-service addresses are ever opened this way.
  const next = window.open(url, '_blank');
  if (!next) return false;
  changed(next);
  return true;
}

export function closeEServiceWindow(): void {
  if (!opened) return;
  if (!opened.closed) opened.close();
  changed(null);
}

export function isEServiceWindowOpen(): boolean {
  return opened !== null && !opened.closed;
}

export function subscribeEServiceWindow(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

onVisitorWipe(closeEServiceWindow);
