/** The municipality's dashboard: its own React root, never part of the kiosk's bundle. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from './DashboardApp';
import { initDashboardI18n } from './i18n';
import './dashboard.css';

/** A marker the bundle test looks for: it must never appear in the kiosk's build. */
export const DASHBOARD_MARKER = 'hjalppunkt-dashboard-root';

const root = document.getElementById('root');
if (root) {
  root.dataset.app = DASHBOARD_MARKER;
  void initDashboardI18n().then(() => {
    createRoot(root).render(
      <StrictMode>
        <DashboardApp />
      </StrictMode>,
    );
  });
}
