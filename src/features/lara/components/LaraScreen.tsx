/**
 * Lära: hosts the lesson flow machine and renders the view for its state. The lessons for the
 * visitor's language (and the help point's own) load when the section opens, through the
 * app's content loader.
 */
import { useMemo } from 'react';
import { useMachine } from '@xstate/react';
import { fromPromise } from 'xstate';
import { useTranslation } from 'react-i18next';
import { SectionLoading } from '../../../components/SectionLoading';
import type { LoadedLessons } from '../lessons/load-lessons';
import { laraMachine } from '../flow/lara-machine';
import { lessonLogLogic, type LessonRecord } from '../flow/lesson-log';
import type { LanguageCode } from '../../../protocol/vocabulary';
import { LessonList } from './LessonList';
import { LessonView } from './LessonView';
import { CheckView } from './CheckView';
import { DoneView } from './DoneView';
import './lara.css';

export interface LaraServices {
  /** The lessons in this language, the help point's own merged in. */
  loadLessons: (language: LanguageCode) => Promise<LoadedLessons>;
  recordLesson: (lesson: LessonRecord) => void;
}

interface LaraScreenProps {
  language: LanguageCode;
  services: LaraServices;
  onBackHome: () => void;
}

export function LaraScreen({ language, services, onBackHome }: LaraScreenProps) {
  const { t } = useTranslation();
  const machine = useMemo(
    () =>
      laraMachine.provide({
        actors: {
          loadLessons: fromPromise<LoadedLessons, { language: LanguageCode }>(({ input }) =>
            services.loadLessons(input.language),
          ),
          lessonLog: lessonLogLogic(services.recordLesson),
        },
      }),
    [services],
  );
  const [state, send] = useMachine(machine, { input: { language } });
  const { lessons, lessonId, step, question, answers, progress, resumeRefused } = state.context;

  if (!lessons || state.matches('loading') || state.matches('failed')) {
    return (
      <SectionLoading
        name="lara"
        title={t('lara.title')}
        swedishTitle="Lära"
        lead={t('lara.lead')}
        failed={state.matches('failed')}
        loadingText={t('lara.loading')}
        failedText={t('lara.loadFailed')}
        onRetry={() => send({ type: 'RETRY' })}
        onBackHome={onBackHome}
      />
    );
  }

  const lesson = lessonId
    ? lessons.lessons.find((candidate) => candidate.id === lessonId)
    : undefined;
  const words = lessonId ? lessons.textsById.get(lessonId) : undefined;
  if (state.matches('lesson') && lesson && words) {
    const lang = lessons.swedishFallback.has(lesson.id) ? 'sv' : undefined;
    const leave = () => send({ type: 'LEAVE' });
    const restart = () => send({ type: 'RESTART' });
    if (state.matches({ lesson: 'check' })) {
      return (
        <CheckView
          lesson={lesson}
          words={words}
          question={question}
          answer={answers[question] ?? null}
          language={language}
          lang={lang}
          onAnswer={(answer) => send({ type: 'ANSWER', answer })}
          onNext={() => send({ type: 'NEXT' })}
          onBack={() => send({ type: 'BACK' })}
        />
      );
    }
    if (state.matches({ lesson: 'done' })) {
      return (
        <DoneView
          lesson={lesson}
          words={words}
          answers={answers}
          lang={lang}
          onRestart={restart}
          onLeave={leave}
        />
      );
    }
    return (
      <LessonView
        key={`${lesson.id}-${step}`}
        lesson={lesson}
        words={words}
        step={step}
        language={language}
        lang={lang}
        onNext={() => send({ type: 'NEXT' })}
        onBack={() => send({ type: 'BACK' })}
        onRestart={restart}
        onLeave={leave}
      />
    );
  }

  return (
    <LessonList
      lessons={lessons}
      progress={progress}
      resumeRefused={resumeRefused}
      onOpen={(id) => send({ type: 'OPEN_LESSON', lessonId: id })}
      onResume={(code) => send({ type: 'RESUME', code })}
      onBackHome={onBackHome}
    />
  );
}
