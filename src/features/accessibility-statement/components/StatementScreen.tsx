/**
 * Tillgänglighetsredogörelse: the accessibility statement the Swedish DOS law requires, in the
 * order of Digg's model statement: how accessible the service is, what to do if part of it
 * cannot be used, how to report a problem, supervision (with Digg's report form), the content
 * that is not accessible, and how the service was tested. "How we tested" says only what the
 * project does (the automated browser tests); manual screen-reader tests are a protocol
 * (docs/accessibility-testing.md) that is listed as not yet done until a release records one.
 */
import { useTranslation } from 'react-i18next';
import { BackButton } from '../../../components/BackButton';
import { Screen } from '../../../components/Screen';
import { useKioskConfig } from '../../../lib/kiosk-config-context';

const DONE_ITEMS = ['language', 'textSize', 'keyboard', 'targets', 'time'] as const;
const GAP_ITEMS = ['screenReader', 'speech', 'external'] as const;

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
      <section aria-labelledby="statement-alternative">
        <h2 id="statement-alternative">{t('statement.alternativeTitle')}</h2>
        <p>{t('statement.alternative')}</p>
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
        <p>{t('statement.supervisionLink')}</p>
      </section>
      <section aria-labelledby="statement-gaps">
        <h2 id="statement-gaps">{t('statement.gapsTitle')}</h2>
        <ul>
          {GAP_ITEMS.map((item) => (
            <li key={item}>{t(`statement.gapsItems.${item}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="statement-method">
        <h2 id="statement-method">{t('statement.methodTitle')}</h2>
        <p>{t('statement.method')}</p>
      </section>
      <BackButton label={t('statement.back')} onBack={onBack} testId="statement-back" />
    </Screen>
  );
}
