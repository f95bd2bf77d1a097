/** A scenario with a few options: a wrong choice gets a gentle "try again", the right one the reason. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PracticeDone } from './PracticeDone';

interface ChoosePracticeProps {
  options: string[];
  correct: number;
  feedback: string;
  lang?: string;
  onDone: () => void;
}

export function ChoosePractice({ options, correct, feedback, lang, onDone }: ChoosePracticeProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<number | null>(null);
  const right = chosen === correct;
  return (
    <div className="practice">
      <ul className="answer-list" lang={lang}>
        {options.map((option, index) => (
          <li key={option}>
            <button
              type="button"
              className="button answer"
              aria-pressed={chosen === index}
              data-option={index}
              onClick={() => {
                setChosen(index);
                if (index === correct) onDone();
              }}
            >
              {option}
            </button>
          </li>
        ))}
      </ul>
      {chosen !== null && !right ? <p role="status">{t('practice.tryAgain')}</p> : null}
      <PracticeDone done={right} text={right ? `${t('practice.right')} ${feedback}` : undefined} />
    </div>
  );
}
