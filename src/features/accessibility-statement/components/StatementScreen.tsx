/**
 * Tillgänglighetsredogörelse: the accessibility statement the Swedish DOS law requires, with
 * the conformance status, known gaps, how to report a problem and who supervises.
 */
import { useTranslation } from 'react-i18next';
import { BackButton } from '../../../components/BackButton';
import { Screen } from '../../../components/Screen';
import { useKioskConfig } from '../../../lib/kiosk-config-context';

const DONE_ITEMS = ['language', 'textSize', 'keyboard', 'targets', 'time'] as const;
const GAP_ITEMS = ['speech', 'external'] as const;

export function StatementScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const config = useKioskConfig();
  return (
    <Screen
      name="statement"
      title={t('statement.title')}
      lead={t('statement.intro', { owner: config.ownerName })}
    >
      <section aria-labelledby="statement-status">
        <h2 id="statement-status">{t('statement.statusTitle')}</h2>
        <p>{t('statement.status')}</p>
      </section>
      <section aria-labelledby="statement-done">
        <h2 id="statement-done">{t('statement.doneTitle')}</h2>
        <ul>
          {DONE_ITEMS.map((item) => (
            <li key={item}>{t(`statement.doneItems.${item}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="statement-gaps">
        <h2 id="statement-gaps">{t('statement.gapsTitle')}</h2>
        <ul>
          {GAP_ITEMS.map((item) => (
            <li key={item}>{t(`statement.gapsItems.${item}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="statement-report">
        <h2 id="statement-report">{t('statement.reportTitle')}</h2>
        <p>{t('statement.report')}</p>
        <ul>
          <li>{t('statement.email', { email: config.accessibilityContact.email })}</li>
          <li>{t('statement.phone', { phone: config.accessibilityContact.phone })}</li>
        </ul>
      </section>
      <section aria-labelledby="statement-supervision">
        <h2 id="statement-supervision">{t('statement.supervisionTitle')}</h2>
        <p>{t('statement.supervision')}</p>
      </section>
      <section aria-labelledby="statement-method">
        <h2 id="statement-method">{t('statement.methodTitle')}</h2>
        <p>{t('statement.method')}</p>
      </section>
      <BackButton label={t('statement.back')} onBack={onBack} testId="statement-back" />
    </Screen>
  );
}
