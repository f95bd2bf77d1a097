/**
 * The screen shown when nobody is using the kiosk. It is always in Swedish, greets in every
 * supported language, and a touch anywhere on the big button starts a visit.
 */
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import { Icon } from '../../../components/Icon';
import { StaffedDeskCard } from '../../../components/StaffedDeskCard';
import { LANGUAGE_INFO } from '../../../lib/languages';
import { GREETINGS } from '../greetings';
import './session.css';

interface AttractScreenProps {
  onStart: () => void;
  onOpenStatement: () => void;
  /** The discreet way into staff mode (asks for the staff PIN). */
  onStaff: () => void;
  notices: React.ReactNode;
  /**
   * Only the part drawn into index.html at build time (src/app/prerender): what follows the
   * privacy note depends on the help point's settings, and comes with the app.
   */
  firstPaintOnly?: boolean;
}

export function AttractScreen({
  onStart,
  onOpenStatement,
  onStaff,
  notices,
  firstPaintOnly = false,
}: AttractScreenProps) {
  const { t } = useTranslation();
  return (
    <Screen name="attract" title={t('attract.title')} lead={t('attract.lead')} focusHeading={false}>
      {notices}
      <ul className="greetings" aria-label={t('attract.greetingsLabel')}>
        {LANGUAGE_INFO.filter((info) => info.code !== 'sv').map((info) => (
          <li key={info.code} lang={info.code} dir={info.dir}>
            {GREETINGS[info.code]}
          </li>
        ))}
      </ul>
      <button type="button" className="button button--start" onClick={onStart} data-testid="start">
        {t('attract.start')}
      </button>
      <p className="privacy-note">
        <Icon name="info" /> {t('attract.privacy')}
      </p>
      {firstPaintOnly ? null : <StaffedDeskCard />}
      {firstPaintOnly ? null : (
        <footer className="attract__footer">
          <button type="button" className="button button--quiet" onClick={onOpenStatement}>
            {t('attract.statementLink')}
          </button>
          <button
            type="button"
            className="button button--quiet button--staff"
            onClick={onStaff}
            data-testid="staff-open"
          >
            {t('staff.open')}
          </button>
          <span className="version" data-testid="app-version">
            {t('app.version', { version: __APP_VERSION__ })}
          </span>
        </footer>
      )}
    </Screen>
  );
}
