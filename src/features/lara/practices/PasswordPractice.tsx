/**
 * Password practice: a meter shows how strong a pretend password is. The visitor is told
 * not to type a real one; the text is shown, never stored, and gone with the step.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PracticeDone } from './PracticeDone';
import { passwordStrength } from './password-strength';

export function PasswordPractice({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const strength = passwordStrength(text);
  return (
    <div className="practice">
      <p className="pretend-badge">{t('practice.passwordWarning')}</p>
      <label htmlFor={id} className="field-label">
        {t('practice.passwordLabel')}
      </label>
      <input
        id={id}
        className="input input--wide input--large"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        value={text}
        data-testid="password-input"
        onChange={(event) => {
          setText(event.target.value);
          if (passwordStrength(event.target.value) === 'strong') onDone();
        }}
      />
      <p>
        <label htmlFor={`${id}-meter`}>{t('practice.passwordMeter')}</label>{' '}
        <meter
          id={`${id}-meter`}
          min={0}
          max={3}
          low={1.5}
          high={2.5}
          optimum={3}
          value={text === '' ? 0 : { weak: 1, fair: 2, strong: 3 }[strength]}
        />{' '}
        <span data-testid="password-strength">
          {text === '' ? '' : t(`practice.strength.${strength}`)}
        </span>
      </p>
      <PracticeDone done={strength === 'strong'} />
    </div>
  );
}
