/** Where the staffed desk is and when help is staffed, from the help point's configuration. */
import { useTranslation } from 'react-i18next';
import { useKioskConfig } from '../lib/kiosk-config-context';
import { localisedConfigText } from '../lib/kiosk-config-defaults';
import { isLanguageCode } from '../protocol/vocabulary';
import { AgencyHours } from './AgencyHours';
import { Icon } from './Icon';
import './card.css';
import './staffed-desk-card.css';

export function StaffedDeskCard({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const config = useKioskConfig();
  const language = isLanguageCode(i18n.language) ? i18n.language : 'sv';
  const place = localisedConfigText(config.deskLocation, language);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="card card--desk" aria-labelledby="desk-title">
      <Heading id="desk-title" className="card__title">
        <Icon name="person" /> {t('desk.title')}
      </Heading>
      <p>
        {t('desk.where')}{' '}
        <span lang={place.lang === language ? undefined : place.lang}>{place.text}</span>
      </p>
      <p className="card__subtitle">
        <Icon name="clock" /> {t('desk.hoursTitle')}
      </p>
      {config.staffedHours.length === 0 ? (
        <p>{t('desk.noHours')}</p>
      ) : (
        <ul className="hours">
          {config.staffedHours.map((row) => (
            <li key={`${row.days.join('-')}-${row.from}`}>
              {t('desk.hoursRow', {
                days: row.days.map((day) => t(`days.${day}`)).join(t('desk.daySeparator')),
                // A time range always reads left to right; isolating it stops Arabic and Persian
                // text from reversing it into "13:00–10:00".
                hours: `\u2066${row.from}–${row.to}\u2069`,
              })}
            </li>
          ))}
        </ul>
      )}
      <AgencyHours />
    </section>
  );
}
