/** Entry point: fonts and styles, translations, start-up wiring, then the kiosk. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/fonts.css';
import './app/app.css';
// The shared patterns every feature builds on, loaded before any screen so that a screen looks
// the same whichever section a visitor opens first. A feature's own stylesheet loads with it.
import './components/button.css';
import './components/card.css';
import './components/notice.css';
import './components/layout.css';
import './components/form.css';
import { initI18n } from './lib/i18n';
import { createRuntime } from './app/runtime';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';

async function boot() {
  const [, runtime] = await Promise.all([initI18n(), createRuntime()]);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App runtime={runtime} />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void boot();
