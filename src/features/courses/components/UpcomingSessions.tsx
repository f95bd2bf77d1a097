/**
 * The sessions planned ahead on this device, soonest first. Each can be logged with one tap
 * ("Log it now", with the head count it expected) or removed. What happened is said in a
 * polite live region; a storage failure in an alert.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../../protocol/vocabulary';
import type { CourseLesson } from '../course-services';
import { languagesLabel, topicLabel, whenLabel } from '../course-labels';
import type { PlansAnnouncement, PlansContext, PlansEvent } from '../plans-machine';
import { PlanForm } from './PlanForm';
import { StorageError } from './StorageError';

interface UpcomingSessionsProps {
  language: LanguageCode;
  lessons: readonly CourseLesson[] | null;
  loading: boolean;
  busy: boolean;
  context: PlansContext;
  send: (event: PlansEvent) => void;
}

/** The plan form is closed, open, or waiting for the plan it sent to be stored (then saved). */
type FormState =
  { kind: 'closed' } | { kind: 'open' } | { kind: 'sent'; id: string } | { kind: 'saved' };

export function UpcomingSessions(props: UpcomingSessionsProps) {
  const { language, lessons, loading, busy, context, send } = props;
  const { t } = useTranslation('courses');
  const [formState, setFormState] = useState<FormState>({ kind: 'closed' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  // Adjusting state while rendering (React's pattern for it): the plan is in the stored list.
  if (formState.kind === 'sent' && context.plans.some((plan) => plan.id === formState.id))
    setFormState({ kind: 'saved' });
  const formOpen = formState.kind === 'open' || formState.kind === 'sent';

  useEffect(() => {
    // The card or form that had focus is gone: continue from the list's heading or button.
    const kind = context.announcement?.kind;
    if (kind === 'logged' || kind === 'removed') headingRef.current?.focus();
  }, [context.announcement]);
  useEffect(() => {
    if (formState.kind === 'saved') openRef.current?.focus();
  }, [formState.kind]);

  const say = (announcement: PlansAnnouncement | null) => {
    if (!announcement) return null;
    const topic = topicLabel(announcement.topic, lessons, t);
    if (announcement.kind === 'planned')
      return t('courses:upcoming.planned', {
        topic,
        when: whenLabel(announcement.plannedAt, language),
      });
    if (announcement.kind === 'removed') return t('courses:upcoming.removed', { topic });
    return t('courses:upcoming.logged', { topic, attendees: announcement.attendees });
  };
  const error = context.error;

  return (
    <section className="courses-section" aria-labelledby="courses-upcoming-title">
      <h2 id="courses-upcoming-title" ref={headingRef} tabIndex={-1}>
        {t('courses:upcoming.title')}
      </h2>
      <div role="status" className="courses-status" data-testid="courses-plans-status">
        {context.announcement ? (
          <p className="notice notice--ok">{say(context.announcement)}</p>
        ) : null}
      </div>
      {error ? (
        <StorageError message={t(`courses:error.${error.kind}`)} reason={error.reason} />
      ) : null}
      {!loading && context.plans.length === 0 ? (
        <p className="courses-note">{t('courses:upcoming.none')}</p>
      ) : null}
      {context.plans.length > 0 ? (
        <ul className="courses-planned">
          {context.plans.map((plan) => {
            const id = `courses-planned-${plan.id}`;
            return (
              <li key={plan.id} className="courses-card" data-testid="planned-session">
                <h3 id={`${id}-topic`} className="courses-card__title">
                  {topicLabel(plan.topic, lessons, t)}
                </h3>
                <p id={`${id}-when`} className="courses-card__when">
                  {whenLabel(plan.plannedAt, language)}
                </p>
                <p>
                  {t('courses:upcoming.expected', {
                    attendees: plan.attendees,
                    newAttendees: plan.newAttendees,
                  })}
                </p>
                <p>
                  {t('courses:upcoming.languages', {
                    languages: languagesLabel(plan.languages, t),
                  })}
                </p>
                <p>{t('courses:upcoming.role', { role: t(`courses:role.${plan.role}`) })}</p>
                <div className="button-row courses-actions">
                  <button
                    type="button"
                    className="button button--primary"
                    data-testid="log-planned"
                    aria-describedby={`${id}-topic ${id}-when`}
                    aria-disabled={busy}
                    onClick={() => {
                      if (!busy) send({ type: 'LOG_NOW', id: plan.id, now: Date.now() });
                    }}
                  >
                    {t('courses:upcoming.logNow')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    data-testid="remove-planned"
                    aria-describedby={`${id}-topic ${id}-when`}
                    aria-disabled={busy}
                    onClick={() => {
                      if (!busy) send({ type: 'REMOVE', id: plan.id });
                    }}
                  >
                    {t('courses:upcoming.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p>
        <button
          ref={openRef}
          type="button"
          className="button"
          aria-expanded={formOpen}
          aria-controls="courses-plan-form"
          data-testid="plan-session"
          onClick={() => setFormState(formOpen ? { kind: 'closed' } : { kind: 'open' })}
        >
          {t('courses:plan.open')}
        </button>
      </p>
      <div id="courses-plan-form">
        {formOpen ? (
          <PlanForm
            lessons={lessons}
            busy={busy}
            onSave={(plan) => {
              setFormState({ kind: 'sent', id: plan.id });
              send({ type: 'ADD', plan });
            }}
            onCancel={() => {
              setFormState({ kind: 'closed' });
              openRef.current?.focus();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
