/**
 * The staff app's frame, on a staff tablet or on a kiosk unlocked with the PIN: a header with
 * the help point, the staff's own language and (on a kiosk) "lock", a navigation between the
 * sections, and the section itself. New help requests are announced wherever staff are.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './staff.css';
import { LANGUAGES, type LanguageCode } from '../../../protocol/vocabulary';

export const STAFF_SECTIONS = ['tag', 'requests', 'courses', 'status'] as const;
export type StaffSection = (typeof STAFF_SECTIONS)[number];

interface StaffAppProps {
  helpPointId: string;
  section: StaffSection;
  onSection: (section: StaffSection) => void;
  language: LanguageCode;
  onLanguage: (language: LanguageCode) => void;
  openRequests: number;
  /** Only on a kiosk: locks staff mode and returns to the attract screen. */
  onLock: (() => void) | null;
  children: ReactNode;
}

export function StaffApp(props: StaffAppProps) {
  const { t } = useTranslation('staff');
  const { section, openRequests } = props;
  return (
    <div className="staff-app" data-testid="staff-app">
      <header className="top-bar staff-header">
        <p className="staff-header__title">
          {t('app.title')} · <bdi>{props.helpPointId}</bdi>
        </p>
        <div className="cluster staff-header__tools">
          <label htmlFor="staff-language" className="staff-header__label">
            {t('app.language')}
          </label>
          <select
            id="staff-language"
            className="input"
            value={props.language}
            onChange={(event) => props.onLanguage(event.target.value as LanguageCode)}
            data-testid="staff-language"
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {t(`codes.language.${code}`)}
              </option>
            ))}
          </select>
          {props.onLock ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={props.onLock}
              data-testid="staff-lock"
            >
              {t('app.lock')}
            </button>
          ) : null}
        </div>
        <nav aria-label={t('app.nav')} className="staff-nav">
          <ul className="cluster plain-list">
            {(['tag', 'requests', 'courses', 'status'] as const).map((name) => (
              <li key={name}>
                <button
                  type="button"
                  className="button staff-nav__button"
                  aria-current={section === name ? 'page' : undefined}
                  onClick={() => props.onSection(name)}
                  data-testid={`staff-nav-${name}`}
                >
                  {t(`app.section.${name}`)}
                  {name === 'requests' && openRequests > 0 ? (
                    <span className="staff-nav__badge" data-testid="requests-badge">
                      {' '}
                      ({openRequests})
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <p className="visually-hidden" aria-live="polite" data-testid="requests-announcement">
          {openRequests > 0 ? t('app.openRequests', { count: openRequests }) : ''}
        </p>
      </header>
      {props.children}
    </div>
  );
}
