/**
 * The short check at the end of a lesson, one question at a time. Whatever is chosen, the
 * visitor gets a kind explanation; a wrong answer can be changed before going on.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import { ReadAloudButton } from '../../../components/ReadAloudButton';
import type { LessonFacts, LessonTexts } from '../lessons/lesson-schema';

interface CheckViewProps {
  lesson: LessonFacts;
  words: LessonTexts;
  question: number;
  answer: number | null;
  language: string;
  lang?: string;
  onAnswer: (answer: number) => void;
  onNext: () => void;
  onBack: () => void;
}

export function CheckView(props: CheckViewProps) {
  const { lesson, words, question, answer, language, lang } = props;
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [question]);
  const facts = lesson.check[question];
  const text = words.check[question];
  if (!facts || !text) return null;
  const right = answer === facts.correct;

  return (
    <Screen name="lesson-check" title={<span lang={lang}>{words.title}</span>} focusHeading={false}>
      <p className="lesson-progress" data-testid="lesson-progress">
        {t('lesson.checkProgress', { question: question + 1, total: lesson.check.length })}
      </p>
      <section aria-labelledby="question-title" lang={lang}>
        <h2 id="question-title" ref={headingRef} tabIndex={-1}>
          {text.question}
        </h2>
        <ReadAloudButton
          text={[text.question, ...text.answers].join('. ')}
          language={lang ?? language}
        />
        <ul className="answer-list">
          {text.answers.map((option, index) => (
            <li key={option}>
              <button
                type="button"
                className="button answer"
                aria-pressed={answer === index}
                data-answer={index}
                onClick={() => props.onAnswer(index)}
              >
                {option}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <div role="status" data-testid="check-feedback">
        {answer === null ? null : (
          <p className={right ? 'check-feedback check-feedback--right' : 'check-feedback'}>
            <strong>{right ? t('lesson.right') : t('lesson.notQuite')}</strong>{' '}
            <span lang={lang}>{text.explanation}</span>
          </p>
        )}
      </div>
      <nav className="lesson-controls" aria-label={t('lesson.controlsLabel')}>
        <button
          type="button"
          className="button button--secondary"
          onClick={props.onBack}
          data-testid="lesson-back"
        >
          {t('lesson.back')}
        </button>
        <button
          type="button"
          className="button button--primary button--next"
          disabled={answer === null}
          onClick={props.onNext}
          data-testid="lesson-next"
        >
          {question === lesson.check.length - 1 ? t('lesson.finish') : t('lesson.next')}
        </button>
      </nav>
    </Screen>
  );
}
