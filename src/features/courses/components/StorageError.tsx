/** A storage failure, said plainly (an alert, so it is heard at once) with its technical cause. */
import { useTranslation } from 'react-i18next';

export function StorageError({ message, reason }: { message: string; reason: string }) {
  const { t } = useTranslation('courses');
  return (
    <div role="alert" className="notice courses-error" data-testid="courses-error">
      <p>{message}</p>
      <p className="courses-error__details">{t('courses:error.details', { reason })}</p>
    </div>
  );
}
