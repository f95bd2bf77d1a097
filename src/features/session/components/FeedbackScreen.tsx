/** The optional one-tap "did you get the help you needed?" question at the end of a visit. */
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import { Icon, type IconName } from '../../../components/Icon';
import { FEEDBACK_ANSWERS, type FeedbackAnswer } from '../../../protocol/vocabulary';
import './session.css';

const FACES: Record<FeedbackAnswer, IconName> = {
  yes: 'faceHappy',
  partly: 'faceNeutral',
  no: 'faceSad',
};

interface FeedbackScreenProps {
  onAnswer: (answer: FeedbackAnswer) => void;
  onSkip: () => void;
}

export function FeedbackScreen({ onAnswer, onSkip }: FeedbackScreenProps) {
  const { t } = useTranslation();
  return (
    <Screen name="feedback" title={t('feedback.title')} lead={t('feedback.lead')}>
      <ul className="tile-grid tile-grid--feedback">
        {FEEDBACK_ANSWERS.map((answer) => (
          <li key={answer}>
            <button
              type="button"
              className={`button button--tile button--feedback feedback--${answer}`}
              data-feedback={answer}
              onClick={() => onAnswer(answer)}
            >
              <Icon name={FACES[answer]} size="3rem" />
              <span>{t(`feedback.${answer}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={onSkip}
          data-testid="skip-feedback"
        >
          {t('feedback.skip')}
        </button>
      </p>
    </Screen>
  );
}
