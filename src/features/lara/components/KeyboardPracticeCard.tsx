/**
 * Free typing practice. What the visitor types lives only in this component's state, so it
 * is gone the moment the screen unmounts or the visit is wiped.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function KeyboardPracticeCard() {
  const { t } = useTranslation();
  const [practiceText, setPracticeText] = useState('');
  const fieldId = useId();
  const helpId = useId();
  return (
    <section className="card" aria-labelledby={`${fieldId}-title`}>
      <h2 id={`${fieldId}-title`} className="card__title">
        {t('lara.keyboardTitle')}
      </h2>
      <p id={helpId}>{t('lara.keyboardHelp')}</p>
      <label htmlFor={fieldId} className="field-label">
        {t('lara.keyboardLabel')}
      </label>
      <textarea
        id={fieldId}
        className="input input--multiline"
        aria-describedby={helpId}
        value={practiceText}
        onChange={(event) => setPracticeText(event.target.value)}
        rows={4}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        data-testid="keyboard-practice"
      />
      <p aria-live="polite">{t('lara.lettersTyped', { count: [...practiceText].length })}</p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => setPracticeText('')}
      >
        {t('lara.clear')}
      </button>
    </section>
  );
}
