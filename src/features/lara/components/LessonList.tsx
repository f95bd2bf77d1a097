/**
 * Lära's first view: the lessons as big tiles (with "continue at step 3" for a lesson begun in
 * this visit), a box for a resume code from an earlier day, and free typing practice.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionScreen } from '../../../components/SectionScreen';
import { Picture } from '../../../components/Picture';
import type { LoadedLessons } from '../lessons/load-lessons';
import { KeyboardPracticeCard } from './KeyboardPracticeCard';

interface LessonListProps {
  lessons: LoadedLessons;
  progress: Record<string, number>;
  resumeRefused: boolean;
  onOpen: (lessonId: string) => void;
  onResume: (code: string) => void;
  onBackHome: () => void;
}

export function LessonList({
  lessons,
  progress,
  resumeRefused,
  onOpen,
  onResume,
  onBackHome,
}: LessonListProps) {
  const { t } = useTranslation();
  const codeId = useId();
  const [code, setCode] = useState('');
  return (
    <SectionScreen
      name="lara"
      title={t('lara.title')}
      swedishTitle="Lära"
      lead={t('lara.lead')}
      onBackHome={onBackHome}
    >
      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title">{t('lara.lessonsTitle')}</h2>
        <ul className="tile-grid lesson-tiles">
          {lessons.lessons.map((lesson) => {
            const words = lessons.textsById.get(lesson.id);
            if (!words) return null;
            const lang = lessons.swedishFallback.has(lesson.id) ? 'sv' : undefined;
            const at = progress[lesson.id];
            return (
              <li key={lesson.id}>
                <button
                  type="button"
                  className="button button--tile lesson-tile"
                  data-lesson={lesson.id}
                  onClick={() => onOpen(lesson.id)}
                >
                  <Picture name={lesson.picture} />
                  <span className="lesson-tile__title" lang={lang}>
                    {words.title}
                  </span>
                  <span className="lesson-tile__summary" lang={lang}>
                    {words.summary}
                  </span>
                  <span className="lesson-tile__meta">
                    {at === undefined
                      ? t('lara.steps', { count: lesson.steps.length })
                      : t('lara.continueAt', { step: at + 1, total: lesson.steps.length })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <form
        className="card resume-form"
        aria-labelledby={`${codeId}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          onResume(code);
        }}
      >
        <h2 id={`${codeId}-title`} className="card__title">
          {t('lara.resumeTitle')}
        </h2>
        <label htmlFor={codeId} className="field-label">
          {t('lara.resumeLabel')}
        </label>
        <div className="input-row">
          <input
            id={codeId}
            className="input input--wide input--large resume-form__input"
            inputMode="numeric"
            autoComplete="off"
            maxLength={9}
            dir="ltr"
            value={code}
            aria-invalid={resumeRefused}
            aria-describedby={resumeRefused ? `${codeId}-error` : undefined}
            data-testid="resume-input"
            onChange={(event) => setCode(event.target.value)}
          />
          <button type="submit" className="button button--primary" data-testid="resume-submit">
            {t('lara.resumeOpen')}
          </button>
        </div>
        {resumeRefused ? (
          <p id={`${codeId}-error`} role="alert" className="notice notice--problem">
            {t('lara.resumeRefused')}
          </p>
        ) : null}
      </form>
      <KeyboardPracticeCard />
    </SectionScreen>
  );
}
