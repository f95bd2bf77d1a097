/**
 * The app, asked for by the entry (main.tsx) once the attract screen's first paint is on screen:
 * translations and the app's services, then the kiosk drawn over that first paint.
 *
 * The browser stays free to answer between the steps: React DOM and the app are evaluated in
 * turn, with a pause between them, and the first render is a transition, which React does in
 * slices of a few milliseconds. Without this, starting was one block of the main thread long
 * enough that a tap during it waited (Lighthouse's total blocking time, on a phone's CPU).
 */
import { earlyReads } from './app/services/early-reads';

/** Lets the browser handle input and paint before the next step. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function boot() {
  const { createRoot } = await import('react-dom/client');
  await pause();
  const { startApp } = await import('./app/start-app');
  await pause();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  await startApp(createRoot(root), earlyReads);
}

void boot();
