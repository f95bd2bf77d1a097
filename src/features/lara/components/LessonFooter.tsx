/**
 * Under every lesson step: start again, back to the lessons, and "continue another day",
 * which shows the four-digit resume code to write down (lesson number and step, nothing else).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonFacts } from '../lessons/lesson-schema';
import { encodeResumeCode } from '../lessons/resume-code';

interface LessonFooterProps {
  lesson: LessonFacts;
  step: number;
  onRestart: () => void;
  onLeave: () => void;
}

export function LessonFooter({ lesson, step, onRestart, onLeave }: LessonFooterProps) {
  const { t } = useTranslation();
  const [showCode, setShowCode] = useState(false);
  const code = encodeResumeCode({ lessonNumber: lesson.number, step });
  return (
    <div className="lesson-footer">
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={onRestart}
          data-testid="lesson-restart"
        >
          {t('lesson.restart')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={showCode}
          onClick={() => setShowCode((value) => !value)}
          data-testid="show-resume-code"
        >
          {t('lesson.continueLater')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={onLeave}
          data-testid="lesson-leave"
        >
          {t('lesson.toList')}
        </button>
      </div>
      {showCode ? (
        <section className="card resume-code" aria-labelledby="resume-title">
          <h3 id="resume-title" className="card__title">
            {t('lesson.codeTitle')}
          </h3>
          <p className="resume-code__digits" dir="ltr" data-testid="resume-code">
            {code}
          </p>
          <p>{t('lesson.codeText')}</p>
        </section>
      ) : null}
    </div>
  );
}
