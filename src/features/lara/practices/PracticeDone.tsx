/** The kind confirmation every practice shows when it is done, announced to screen readers. */
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';

export function PracticeDone({ done, text }: { done: boolean; text?: string }) {
  const { t } = useTranslation();
  return (
    <p
      role="status"
      className={done ? 'practice-done' : 'practice-done practice-done--waiting'}
      data-testid="practice-status"
    >
      {done ? (
        <>
          <Icon name="check" /> {text ?? t('practice.done')}
        </>
      ) : null}
    </p>
  );
}
