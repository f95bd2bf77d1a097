/** The end of a lesson: well done, how the check went, and where to go next. */
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import { Icon } from '../../../components/Icon';
import type { LessonFacts, LessonTexts } from '../lessons/lesson-schema';

interface DoneViewProps {
  lesson: LessonFacts;
  words: LessonTexts;
  answers: (number | null)[];
  lang?: string;
  onRestart: () => void;
  onLeave: () => void;
}

export function DoneView({ lesson, words, answers, lang, onRestart, onLeave }: DoneViewProps) {
  const { t } = useTranslation();
  const right = lesson.check.filter(
    (question, index) => answers[index] === question.correct,
  ).length;
  return (
    <Screen name="lesson-done" title={t('lesson.doneTitle')}>
      <p className="lesson-done__lesson">
        <Icon name="check" /> <span lang={lang}>{words.title}</span>
      </p>
      <p data-testid="lesson-score">{t('lesson.score', { right, total: lesson.check.length })}</p>
      <p>{t('lesson.doneText')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={onLeave}
          data-testid="lesson-leave"
        >
          {t('lesson.toList')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={onRestart}
          data-testid="lesson-restart"
        >
          {t('lesson.restart')}
        </button>
      </div>
    </Screen>
  );
}
