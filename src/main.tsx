/** Entry point: fonts and styles, translations, start-up wiring, then the kiosk. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/fonts.css';
import './app/app.css';
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
