/**
 * The sessions planned ahead on this device, soonest first. Each can be logged with one tap
 * ("Log it now", with the head count it expected) or removed. What happened is said in a
 * polite live region; a storage failure in an alert.
 */
import { useEffect, useRef } from 'react';
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

export function UpcomingSessions(props: UpcomingSessionsProps) {
  const { language, lessons, loading, busy, context, send } = props;
  const { t } = useTranslation('courses');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const formOpen = context.form === 'open';

  useEffect(() => {
    // The card or form that had focus is gone: continue from the list's heading or button.
    const kind = context.announcement?.kind;
    if (kind === 'logged' || kind === 'removed') headingRef.current?.focus();
  }, [context.announcement]);
  useEffect(() => {
    // The form is gone with the plan it stored: continue from the button that opens it.
    if (context.form === 'saved') openRef.current?.focus();
  }, [context.form]);

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
          onClick={() => send({ type: formOpen ? 'CLOSE_FORM' : 'OPEN_FORM' })}
        >
          {t('courses:plan.open')}
        </button>
      </p>
      <div id="courses-plan-form">
        {formOpen ? (
          <PlanForm
            lessons={lessons}
            busy={busy}
            onSave={(plan) => send({ type: 'ADD', plan })}
            onCancel={() => {
              send({ type: 'CLOSE_FORM' });
              openRef.current?.focus();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
