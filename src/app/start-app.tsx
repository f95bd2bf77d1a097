/** Translations and the app's services, then the kiosk, rendered into `root` (see boot.tsx). */
import { StrictMode, startTransition } from 'react';
import type { Root } from 'react-dom/client';
import { initI18n } from '../lib/i18n';
import { createAppServices } from './services/app-services';
import type { EarlyReads } from './services/early-reads';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';

export async function startApp(root: Root, earlyReads: EarlyReads): Promise<void> {
  const [, services] = await Promise.all([initI18n(), createAppServices(earlyReads)]);
  startTransition(() => {
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <App services={services} />
        </ErrorBoundary>
      </StrictMode>,
    );
  });
}
