/** Entry point: fonts and styles, translations, the app's services, then the kiosk. */
// First: starts the reads the first screen waits for while the rest is still being evaluated.
import { earlyReads } from './app/services/early-reads';
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
import { createAppServices } from './app/services/app-services';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';

async function boot() {
  const [, services] = await Promise.all([initI18n(), createAppServices(earlyReads)]);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App services={services} />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void boot();
