/**
 * One lesson step: "step 2 of 5", the picture or the practice, the words (with read-aloud),
 * and big Back / Next / Start again controls. The step heading takes focus on every step, so
 * screen-reader and keyboard users always start at the top of the new step.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import { PictureBeside } from '../../../components/PictureBeside';
import { ReadAloudButton } from '../../../components/ReadAloudButton';
import type { LessonFacts, LessonTexts } from '../lessons/lesson-schema';
import { LessonPractice } from './LessonPractice';
import { LessonFooter } from './LessonFooter';

interface LessonViewProps {
  lesson: LessonFacts;
  words: LessonTexts;
  step: number;
  language: string;
  lang?: string;
  onNext: () => void;
  onBack: () => void;
  onRestart: () => void;
  onLeave: () => void;
}

export function LessonView(props: LessonViewProps) {
  const { lesson, words, step, language, lang } = props;
  const { t } = useTranslation();
  const facts = lesson.steps[step];
  const stepWords = words.steps[step];
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [practiceDone, setPracticeDone] = useState(false);
  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);
  if (!facts || !stepWords) return null;
  const isLast = step === lesson.steps.length - 1;

  return (
    <Screen name="lesson" title={<span lang={lang}>{words.title}</span>} focusHeading={false}>
      <p className="lesson-progress" data-testid="lesson-progress">
        {t('lesson.progress', { step: step + 1, total: lesson.steps.length })}
      </p>
      <progress
        className="lesson-progress__bar"
        max={lesson.steps.length}
        value={step + 1}
        aria-hidden="true"
      />
      <section className="lesson-step" aria-labelledby="step-title" lang={lang}>
        <h2 id="step-title" ref={headingRef} tabIndex={-1}>
          {stepWords.title}
        </h2>
        <PictureBeside picture={facts.kind === 'explain' ? facts.picture : undefined}>
          {stepWords.text}
        </PictureBeside>
        <ReadAloudButton
          text={`${stepWords.title}. ${stepWords.text}`}
          language={lang ?? language}
        />
        {facts.kind === 'practice' ? (
          <LessonPractice
            key={step}
            step={facts}
            words={stepWords}
            lang={lang}
            onDone={() => setPracticeDone(true)}
          />
        ) : null}
      </section>
      <nav className="lesson-controls" aria-label={t('lesson.controlsLabel')}>
        <button
          type="button"
          className="button button--secondary"
          disabled={step === 0}
          onClick={props.onBack}
          data-testid="lesson-back"
        >
          {t('lesson.back')}
        </button>
        <button
          type="button"
          className="button button--primary button--next"
          onClick={props.onNext}
          data-testid="lesson-next"
          data-practice-done={facts.kind === 'practice' ? practiceDone : undefined}
        >
          {isLast ? t('lesson.toCheck') : t('lesson.next')}
        </button>
      </nav>
      <LessonFooter
        lesson={lesson}
        step={step}
        onRestart={props.onRestart}
        onLeave={props.onLeave}
      />
    </Screen>
  );
}
