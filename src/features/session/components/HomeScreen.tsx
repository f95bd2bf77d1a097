/** Home: the three doors of the help point, Lära, Använda and Testa. */
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import { Icon, type IconName } from '../../../components/Icon';
import { StaffedDeskCard } from '../../../components/StaffedDeskCard';
import { DOORS, type Door } from '../../../protocol/vocabulary';
import './session.css';

const DOOR_ICONS: Record<Door, IconName> = { lara: 'learn', anvanda: 'use', testa: 'try' };
const SWEDISH_DOOR_NAMES: Record<Door, string> = {
  lara: 'Lära',
  anvanda: 'Använda',
  testa: 'Testa',
};

interface HomeScreenProps {
  onOpenDoor: (door: Door) => void;
  onOpenStatement: () => void;
}

export function HomeScreen({ onOpenDoor, onOpenStatement }: HomeScreenProps) {
  const { t, i18n } = useTranslation();
  const inSwedish = i18n.language === 'sv';
  return (
    <Screen name="home" title={t('home.title')}>
      <nav aria-label={t('home.doorsLabel')}>
        <ul className="tile-grid tile-grid--doors">
          {DOORS.map((door) => (
            <li key={door}>
              <button
                type="button"
                className={`button button--tile button--door door--${door}`}
                data-door={door}
                onClick={() => onOpenDoor(door)}
              >
                <Icon name={DOOR_ICONS[door]} size="2.5rem" />
                <span className="door__title">{t(`doors.${door}.title`)}</span>
                {inSwedish ? null : (
                  <span className="door__swedish" lang="sv">
                    {SWEDISH_DOOR_NAMES[door]}
                  </span>
                )}
                <span className="door__description">{t(`doors.${door}.description`)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <StaffedDeskCard />
      <p>
        <button type="button" className="button button--quiet" onClick={onOpenStatement}>
          {t('home.statementLink')}
        </button>
      </p>
    </Screen>
  );
}
