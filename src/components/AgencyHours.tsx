/**
 * When agencies hold drop-in hours at this help point: today's first, then the whole week,
 * from the help point's settings (agencyHours). Agency names stay in Swedish (lang="sv");
 * times are isolated left to right so Arabic and Persian do not reverse them.
 */
import { useTranslation } from 'react-i18next';
import { AGENCY_NAMES_SV, rowsOn, weekdayOf } from '../lib/agency-hours';
import { useKioskConfig } from '../lib/kiosk-config-context';
import { WEEKDAYS } from '../lib/kiosk-config-defaults';
import { Icon } from './Icon';

const hoursText = (from: string, to: string) => `\u2066${from}–${to}\u2069`;

export function AgencyHours({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  const rows = useKioskConfig().agencyHours ?? [];
  if (rows.length === 0) return null;
  const todays = rowsOn(rows, weekdayOf(today));
  const week = WEEKDAYS.flatMap((day) => rowsOn(rows, day).map((row) => ({ day, ...row })));

  return (
    <div className="agency-hours" data-testid="agency-hours">
      <p className="card__subtitle" id="agency-hours-title">
        <Icon name="clock" /> {t('desk.dropInTitle')}
      </p>
      <p className="agency-hours__when">{t('desk.dropInToday')}</p>
      {todays.length === 0 ? (
        <p data-testid="agency-hours-today-none">{t('desk.dropInNoneToday')}</p>
      ) : (
        <ul className="hours" data-testid="agency-hours-today">
          {todays.map((row) => (
            <li key={`${row.agency}-${row.from}`}>
              <span lang="sv">{AGENCY_NAMES_SV[row.agency]}</span> {hoursText(row.from, row.to)}
            </li>
          ))}
        </ul>
      )}
      <p className="agency-hours__when">{t('desk.dropInWeek')}</p>
      <ul className="hours" data-testid="agency-hours-week">
        {week.map((row) => (
          <li key={`${row.day}-${row.agency}-${row.from}`}>
            {t('desk.hoursRow', { days: t(`days.${row.day}`), hours: hoursText(row.from, row.to) })}{' '}
            <span lang="sv">{AGENCY_NAMES_SV[row.agency]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
