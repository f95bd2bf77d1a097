/**
 * The dashboard's shell: asks who is logged in (GET /me), shows the login otherwise, and
 * routes between the screens. Filters live here so they survive moving between views.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request, setCsrfToken } from './api';
import type { Me, ViewFilters } from './api-types';
import { VIEW_IDS, type ViewId } from './api-types';
import { defaultPeriod } from './dates';
import { useRoute } from './use-route';
import { Header } from './components/Header';
import { LoginScreen } from './screens/LoginScreen';
import { OverviewScreen } from './screens/OverviewScreen';
import { ViewScreen } from './screens/ViewScreen';
import { ExportsScreen } from './screens/ExportsScreen';
import { DevicesScreen } from './screens/DevicesScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { AccountsScreen } from './screens/AccountsScreen';

type Session = { state: 'loading' } | { state: 'anonymous' } | { state: 'in'; me: Me };

export function DashboardApp() {
  const { t } = useTranslation('dashboard');
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const [filters, setFilters] = useState<ViewFilters>(() => defaultPeriod());
  const route = useRoute();
  const main = useRef<HTMLElement>(null);

  const loadMe = useCallback(
    () =>
      request<Me>('GET', '/me').then(
        (me) => {
          setCsrfToken(me.csrfToken);
          setSession({ state: 'in', me });
        },
        // 401 (not logged in, or the session expired) and any other failure lead to the login.
        () => setSession({ state: 'anonymous' }),
      ),
    [],
  );

  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  // A new screen moves focus to its heading, so keyboard and screen reader users start there.
  useEffect(() => {
    main.current?.querySelector('h1')?.focus();
    document.title = `${main.current?.querySelector('h1')?.textContent ?? ''} – ${t('app.title')}`;
  }, [route, session.state, t]);

  if (session.state === 'loading') return <p className="loading">{t('app.loading')}</p>;

  const logout = async () => {
    await request('POST', '/logout').catch(() => undefined);
    setCsrfToken('');
    setSession({ state: 'anonymous' });
    location.hash = '/';
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header me={session.state === 'in' ? session.me : null} onLogout={logout} />
      <main id="main" ref={main} tabIndex={-1}>
        {session.state === 'anonymous' ? (
          <LoginScreen onLoggedIn={loadMe} />
        ) : (
          <Routed route={route} me={session.me} filters={filters} setFilters={setFilters} />
        )}
      </main>
    </>
  );
}

function Routed(props: {
  route: string;
  me: Me;
  filters: ViewFilters;
  setFilters: (filters: ViewFilters) => void;
}) {
  const { route, me, filters, setFilters } = props;
  const view = /^\/views\/([a-z-]+)$/.exec(route)?.[1];
  if (view && (VIEW_IDS as readonly string[]).includes(view)) {
    return (
      <ViewScreen
        key={view}
        view={view as ViewId}
        me={me}
        filters={filters}
        setFilters={setFilters}
      />
    );
  }
  if (route === '/exports') return <ExportsScreen me={me} filters={filters} />;
  if (route === '/devices') return <DevicesScreen me={me} />;
  if (route === '/settings') return <SettingsScreen me={me} />;
  if (route === '/accounts' && me.account.role === 'admin') return <AccountsScreen me={me} />;
  return <OverviewScreen me={me} filters={filters} setFilters={setFilters} />;
}
