/**
 * The status view of a kiosk that is not enrolled. Such a kiosk has no staff mode (no help
 * point has given it a PIN), so anyone may open this view: it shows only the app version,
 * that the device is not enrolled, and how to enroll it. Nothing of any log or device id.
 */
import { useTranslation } from 'react-i18next';
import { BackButton } from '../../../components/BackButton';
import { Screen } from '../../../components/Screen';
import './device-status.css';

export function NotEnrolledScreen({
  appVersion,
  onClose,
}: {
  appVersion: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Screen name="not-enrolled" title={t('status.title')}>
      <dl className="status-list">
        <dt>{t('status.enrollment')}</dt>
        <dd data-testid="status-enrollment">{t('status.notEnrolled')}</dd>
        <dt>{t('status.appVersion')}</dt>
        <dd data-testid="status-app-version">{appVersion}</dd>
      </dl>
      <p data-testid="status-how-to-enroll">{t('status.howToEnroll')}</p>
      <BackButton label={t('status.close')} onBack={onClose} testId="status-close" />
    </Screen>
  );
}
