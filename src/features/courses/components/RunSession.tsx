/**
 * Running a session: choose the topic, tick off its plan, then log it. After logging, a polite
 * live region says it was logged and a button starts another session.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseContext, CourseEvent } from '../course-machine';
import { topicLabel } from '../course-labels';
import { planFor } from '../lesson-plan';
import { LogForm } from './LogForm';
import { PlanChecklist } from './PlanChecklist';
import { TopicSelect } from './TopicSelect';

export type RunStep = 'plan' | 'log' | 'saving' | 'logged';
export type LessonsStatus = 'loading' | 'loaded' | 'failed';

interface RunSessionProps {
  step: RunStep;
  lessonsStatus: LessonsStatus;
  context: CourseContext;
  send: (event: CourseEvent) => void;
}

export function RunSession({ step, lessonsStatus, context, send }: RunSessionProps) {
  const { t } = useTranslation('courses');
  const { lessons, topic } = context;
  const items = planFor(topic, lessons);
  const anotherRef = useRef<HTMLButtonElement>(null);
  const previousStep = useRef(step);
  useEffect(() => {
    // Focus follows the flow, so it is never left on a button that has gone.
    const previous = previousStep.current;
    previousStep.current = step;
    if (step === 'logged') anotherRef.current?.focus();
    else if (step === 'plan' && previous === 'logged')
      document.getElementById('courses-run-topic')?.focus();
    else if (step === 'plan' && previous === 'log')
      document.getElementById('courses-checklist-title')?.focus();
  }, [step]);

  return (
    <section className="courses-section" aria-labelledby="courses-run-title">
      <h2 id="courses-run-title">{t('courses:run.title')}</h2>
      {lessonsStatus === 'loading' ? (
        <p className="courses-note">{t('courses:run.loading')}</p>
      ) : null}
      {lessonsStatus === 'failed' ? (
        <div className="notice courses-error" role="alert">
          <p>{t('courses:run.loadFailed')}</p>
          <button type="button" className="button" onClick={() => send({ type: 'RETRY' })}>
            {t('courses:run.retry')}
          </button>
        </div>
      ) : null}

      {step === 'plan' ? (
        <>
          <TopicSelect
            id="courses-run-topic"
            value={topic}
            lessons={lessons}
            problems={[]}
            testId="course-topic"
            onChange={(next) => send({ type: 'CHOOSE_TOPIC', topic: next })}
          />
          {topic ? (
            <>
              <h3 id="courses-checklist-title" tabIndex={-1}>
                {t('courses:run.planTitle')}
              </h3>
              <PlanChecklist
                idPrefix="courses-checklist"
                items={items}
                ticked={context.ticked}
                onTick={(itemId) => send({ type: 'TICK', itemId })}
              />
              <p>
                <button
                  type="button"
                  className="button button--primary button--huge"
                  data-testid="course-to-log"
                  onClick={() => send({ type: 'START_LOG', now: Date.now() })}
                >
                  {t('courses:run.toLog')}
                </button>
              </p>
            </>
          ) : null}
        </>
      ) : null}

      {(step === 'log' || step === 'saving') && topic ? (
        <LogForm
          idPrefix="courses-log"
          topicName={topicLabel(topic, lessons, t)}
          form={context.form}
          problems={context.problems}
          refusals={context.refusals}
          saving={step === 'saving'}
          saveError={context.saveError}
          onEdit={(patch) => send({ type: 'EDIT', patch, now: Date.now() })}
          onSubmit={() => send({ type: 'SUBMIT', now: Date.now() })}
          onBack={() => send({ type: 'BACK' })}
        />
      ) : null}

      <div role="status" className="courses-status">
        {step === 'logged' && context.logged ? (
          <p className="notice notice--ok" data-testid="course-logged">
            {t('courses:log.logged', {
              topic: topicLabel(context.logged.topic, lessons, t),
              attendees: context.logged.attendees,
            })}
          </p>
        ) : null}
      </div>
      {step === 'logged' ? (
        <p>
          <button
            ref={anotherRef}
            type="button"
            className="button button--primary"
            onClick={() => send({ type: 'ANOTHER' })}
          >
            {t('courses:run.another')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
