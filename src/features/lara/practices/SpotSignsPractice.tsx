/**
 * Find the signs of a scam in a pretend message: tap the parts that give it away, then check.
 * After checking, every warning sign is marked, found or not, with the explanation.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PracticeDone } from './PracticeDone';

interface SpotSignsPracticeProps {
  parts: string[];
  signs: number[];
  feedback: string;
  lang?: string;
  onDone: () => void;
}

export function SpotSignsPractice({
  parts,
  signs,
  feedback,
  lang,
  onDone,
}: SpotSignsPracticeProps) {
  const { t } = useTranslation();
  const [marked, setMarked] = useState<number[]>([]);
  const [checked, setChecked] = useState(false);
  const found = marked.filter((part) => signs.includes(part)).length;
  return (
    <div className="practice">
      <p className="pretend-badge">{t('practice.pretendMessage')}</p>
      <ul className="pretend-message" lang={lang}>
        {parts.map((part, index) => {
          const isSign = signs.includes(index);
          const className = [
            'button',
            'message-part',
            checked && isSign ? 'message-part--sign' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={part}>
              <button
                type="button"
                className={className}
                aria-pressed={marked.includes(index)}
                data-part={index}
                onClick={() =>
                  setMarked((current) =>
                    current.includes(index)
                      ? current.filter((value) => value !== index)
                      : [...current, index],
                  )
                }
              >
                {part}
                {checked && isSign ? (
                  <span className="message-part__flag">{t('practice.signFlag')}</span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      <p>
        <button
          type="button"
          className="button button--primary"
          data-testid="signs-check"
          onClick={() => {
            setChecked(true);
            onDone();
          }}
        >
          {t('practice.signsCheck')}
        </button>
      </p>
      <PracticeDone
        done={checked}
        text={`${t('practice.signsFound', { found, total: signs.length })} ${feedback}`}
      />
    </div>
  );
}
