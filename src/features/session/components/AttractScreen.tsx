/**
 * The screen shown when nobody is using the kiosk. It is always in Swedish, greets in every
 * supported language, and a touch anywhere on the big button starts a visit.
 */
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import { Icon } from '../../../components/Icon';
import { StaffedDeskCard } from '../../../components/StaffedDeskCard';
import { LANGUAGE_INFO } from '../../../lib/languages';
import './session.css';

/** "Welcome" in each language, written in that language (so each carries its own lang). */
const GREETINGS: Record<string, string> = {
  sv: 'Välkommen',
  en: 'Welcome',
  ar: 'أهلاً وسهلاً',
  fa: 'خوش آمدید',
  so: 'Soo dhawoow',
  ti: 'እንቋዕ ብደሓን መጻእኩም',
  uk: 'Ласкаво просимо',
  fi: 'Tervetuloa',
};

interface AttractScreenProps {
  onStart: () => void;
  onOpenStatement: () => void;
  /** The discreet way into staff mode (asks for the staff PIN). */
  onStaff: () => void;
  notices: React.ReactNode;
}

export function AttractScreen({ onStart, onOpenStatement, onStaff, notices }: AttractScreenProps) {
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
      <StaffedDeskCard />
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
    </Screen>
  );
}
