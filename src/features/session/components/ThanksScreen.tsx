/** Thank-you screen; it returns to the attract screen by itself after a few seconds. */
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import { Icon } from '../../../components/Icon';

export function ThanksScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Screen name="thanks" title={t('thanks.title')} lead={t('thanks.lead')}>
      <p>
        <button
          type="button"
          className="button button--primary"
          onClick={onDone}
          data-testid="thanks-done"
        >
          <Icon name="check" /> {t('thanks.done')}
        </button>
      </p>
    </Screen>
  );
}
