/**
 * Volunteer courses on the staff device: the sessions planned ahead (logged with one tap), and
 * running a session: choose a topic, tick off its plan, log how many came. Works offline: the
 * lessons are precached and every log goes to the durable outbox. Two machines hold the flows;
 * this screen only renders their state.
 */
import { useEffect, useMemo } from 'react';
import { useMachine } from '@xstate/react';
import { fromPromise } from 'xstate';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import type { LanguageCode } from '../../../protocol/vocabulary';
import type { CourseSessionData, PlannedSession } from '../course-record';
import type { CourseLesson, CourseServices } from '../course-services';
import { courseMachine } from '../course-machine';
import { plansMachine } from '../plans-machine';
import { RunSession, type LessonsStatus, type RunStep } from './RunSession';
import { UpcomingSessions } from './UpcomingSessions';
import './courses.css';

interface CoursesScreenProps {
  language: LanguageCode;
  services: CourseServices;
}

export function CoursesScreen({ language, services }: CoursesScreenProps) {
  const { t, ready } = useTranslation('courses');
  const recordCourse = useMemo(
    () => fromPromise<unknown, CourseSessionData>(({ input }) => services.recordCourse(input)),
    [services],
  );
  const runMachine = useMemo(
    () =>
      courseMachine.provide({
        actors: {
          loadLessons: fromPromise<CourseLesson[], { language: LanguageCode }>(({ input }) =>
            services.lessons(input.language),
          ),
          recordCourse,
        },
      }),
    [services, recordCourse],
  );
  const plansLogic = useMemo(
    () =>
      plansMachine.provide({
        actors: {
          readPlans: fromPromise<PlannedSession[]>(() => services.readPlans()),
          writePlans: fromPromise<unknown, PlannedSession[]>(({ input }) =>
            services.writePlans(input),
          ),
          recordCourse,
        },
      }),
    [services, recordCourse],
  );
  const [run, sendRun] = useMachine(runMachine, { input: { language } });
  const [plans, sendPlans] = useMachine(plansLogic);

  // The staff may switch language while a session runs: reload the lessons, keep the place.
  useEffect(() => {
    sendRun({ type: 'LANGUAGE', language });
  }, [sendRun, language]);

  if (!ready) {
    return <div className="screen" data-testid="courses-screen" aria-busy="true" />;
  }

  const lessonsStatus: LessonsStatus = run.matches({ lessons: 'loading' })
    ? 'loading'
    : run.matches({ lessons: 'failed' })
      ? 'failed'
      : 'loaded';
  const step = (['log', 'saving', 'logged'] as const).find((candidate) =>
    run.matches({ flow: candidate }),
  );
  const runStep: RunStep = step ?? 'plan';

  return (
    <Screen name="courses" title={t('courses:title')} lead={t('courses:lead')}>
      <div className="courses" data-testid="courses-screen">
        <UpcomingSessions
          language={language}
          lessons={run.context.lessons}
          loading={plans.matches('loading')}
          busy={!plans.matches('ready')}
          context={plans.context}
          send={sendPlans}
        />
        <RunSession
          step={runStep}
          lessonsStatus={lessonsStatus}
          context={run.context}
          send={sendRun}
        />
      </div>
    </Screen>
  );
}
