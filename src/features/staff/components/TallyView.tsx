/**
 * Today at a glance: visitors helped on this device, per topic and per hour, from what is
 * stored here (so it is exact offline too), and the whole help point's total as the
 * collector has it, when it can be reached.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpPointTally } from '../../../protocol/help-requests';
import { HELP_TOPICS } from '../../../protocol/vocabulary';
import type { Tally } from '../tagging/today-records';

interface TallyViewProps {
  tally: Tally;
  helpPoint: HelpPointTally | null;
}

export const TallyView = memo(function TallyView({ tally, helpPoint }: TallyViewProps) {
  const { t } = useTranslation('staff');
  const topics = HELP_TOPICS.filter((topic) => (tally.byTopic[topic] ?? 0) > 0);
  const hours = [...tally.byHour.entries()].sort(([a], [b]) => a - b);
  const hourLabel = (hour: number) =>
    `${String(hour).padStart(2, '0')}–${String((hour + 1) % 24).padStart(2, '0')}`;
  return (
    <section className="tally card" aria-labelledby="tally-title" data-testid="tally">
      <h2 id="tally-title" className="staff-subtitle">
        {t('tally.title')}
      </h2>
      <p className="tally__total" data-testid="tally-total">
        {t('tally.deviceTotal', { count: tally.visitors })}
      </p>
      {helpPoint ? (
        <p data-testid="tally-help-point">
          {t('tally.helpPointTotal', { count: helpPoint.questions })}
        </p>
      ) : null}
      {topics.length > 0 ? (
        <div className="tally__tables">
          <table className="tally-table" data-testid="tally-topics">
            <caption>{t('tally.byTopic')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tally.topic')}</th>
                <th scope="col">{t('tally.count')}</th>
              </tr>
            </thead>
            <tbody>
              {topics.map((topic) => (
                <tr key={topic} data-topic={topic}>
                  <th scope="row">{t(`codes.topic.${topic}`)}</th>
                  <td>{tally.byTopic[topic]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="tally-table" data-testid="tally-hours">
            <caption>{t('tally.byHour')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tally.hour')}</th>
                <th scope="col">{t('tally.count')}</th>
              </tr>
            </thead>
            <tbody>
              {hours.map(([hour, count]) => (
                <tr key={hour} data-hour={hour}>
                  <th scope="row">
                    <bdi dir="ltr">{hourLabel(hour)}</bdi>
                  </th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
});
