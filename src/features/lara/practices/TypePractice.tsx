/** Typing practice: type the word shown; capitals and spaces around it do not matter. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PracticeDone } from './PracticeDone';

export function TypePractice({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const word = t('practice.typeWord');
  const [typed, setTyped] = useState('');
  const done = typed.trim().toLocaleLowerCase() === word.toLocaleLowerCase();
  return (
    <div className="practice">
      <p className="practice-word" id={`${id}-word`}>
        {word}
      </p>
      <label htmlFor={id} className="field-label">
        {t('practice.typeLabel')}
      </label>
      <input
        id={id}
        className="input input--wide input--large"
        aria-describedby={`${id}-word`}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        value={typed}
        data-testid="type-input"
        onChange={(event) => {
          setTyped(event.target.value);
          if (event.target.value.trim().toLocaleLowerCase() === word.toLocaleLowerCase()) onDone();
        }}
      />
      <PracticeDone done={done} />
    </div>
  );
}
