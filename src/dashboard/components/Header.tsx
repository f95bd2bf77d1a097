/** The dashboard's header: navigation (by role), the language and logging out. */
import { useTranslation } from 'react-i18next';
import type { Me } from '../api-types';
import { DASHBOARD_LANGUAGES, setDashboardLanguage } from '../i18n';
import { useRoute } from '../use-route';

export function Header({ me, onLogout }: { me: Me | null; onLogout: () => void }) {
  const { t, i18n } = useTranslation('dashboard');
  const route = useRoute();
  const links: [string, string][] = [
    ['/', t('nav.overview')],
    ['/exports', t('nav.exports')],
    ['/devices', t('nav.devices')],
    ['/settings', t('nav.settings')],
  ];
  if (me?.account.role === 'admin') links.push(['/accounts', t('nav.accounts')]);
  return (
    <header className="top">
      <p className="brand">{t('app.title')}</p>
      {me && (
        <nav aria-label={t('nav.label')}>
          <ul>
            {links.map(([path, label]) => (
              <li key={path}>
                <a href={`#${path}`} aria-current={route === path ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="top-actions">
        <label>
          {t('app.language')}
          <select
            value={i18n.language}
            onChange={(event) =>
              void setDashboardLanguage(event.target.value === 'en' ? 'en' : 'sv')
            }
          >
            {DASHBOARD_LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {language === 'sv' ? 'Svenska' : 'English'}
              </option>
            ))}
          </select>
        </label>
        {me && (
          <>
            <span className="who">
              {t('app.signedIn', { email: me.account.email, role: t(`role.${me.account.role}`) })}
            </span>
            <button type="button" onClick={onLogout}>
              {t('app.logout')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
