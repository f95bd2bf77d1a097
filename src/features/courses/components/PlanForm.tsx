/**
 * Planning a session ahead: topic, date and time (the next whole hour by default), the
 * expected head count, the languages and the role. Checked before it is saved; each problem
 * is shown next to its field and focus moves to the first one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { planProblems, type CourseProblem, type PlannedSession } from '../course-record';
import type { CourseLesson } from '../course-services';
import {
  PROBLEM_FIELD,
  formDraft,
  newSessionForm,
  nextWholeHour,
  type SessionForm,
} from '../session-form';
import { focusFirstProblem, SessionFields } from './SessionFields';
import { TopicSelect } from './TopicSelect';

interface PlanFormProps {
  lessons: readonly CourseLesson[] | null;
  busy: boolean;
  onSave: (plan: PlannedSession) => void;
  onCancel: () => void;
}

const ID = 'courses-plan';

export function PlanForm({ lessons, busy, onSave, onCancel }: PlanFormProps) {
  const { t } = useTranslation('courses');
  const [topic, setTopic] = useState<string | null>(null);
  const [form, setForm] = useState<SessionForm>(() => newSessionForm(nextWholeHour(Date.now())));
  const [problems, setProblems] = useState<CourseProblem[] | null>(null);

  const check = (nextTopic: string | null, nextForm: SessionForm) =>
    planProblems(formDraft(nextTopic, nextForm));
  const edit = (nextTopic: string | null, nextForm: SessionForm) => {
    setTopic(nextTopic);
    setForm(nextForm);
    // Once shown, problems follow the edits, so a fixed one goes away at once.
    if (problems) setProblems(check(nextTopic, nextForm));
  };
  const shown = problems ?? [];

  return (
    <form
      className="courses-form courses-card"
      aria-labelledby={`${ID}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        const found = check(topic, form);
        setProblems(found);
        if (found.length > 0 || !topic) {
          focusFirstProblem(ID, found);
          return;
        }
        const draft = formDraft(topic, form);
        onSave({
          id: uuidv7(),
          topic,
          plannedAt: draft.heldAt,
          languages: draft.languages,
          role: draft.role,
          attendees: draft.attendees,
          newAttendees: draft.newAttendees,
          durationMinutes: draft.durationMinutes,
        });
      }}
    >
      <h3 id={`${ID}-title`}>{t('courses:plan.title')}</h3>
      <TopicSelect
        id={`${ID}-topic`}
        value={topic}
        lessons={lessons}
        problems={shown.filter((problem) => PROBLEM_FIELD[problem] === 'topic')}
        testId="plan-topic"
        onChange={(next) => edit(next, form)}
      />
      <SessionFields
        idPrefix={ID}
        testIdPrefix="plan"
        form={form}
        problems={shown}
        labels={{
          when: t('courses:plan.when'),
          attendees: t('courses:plan.attendees'),
          newAttendees: t('courses:plan.newAttendees'),
          duration: t('courses:plan.duration'),
        }}
        onChange={(patch) => edit(topic, { ...form, ...patch })}
      />
      <div className="button-row courses-actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="plan-save"
          aria-disabled={busy}
        >
          {t('courses:plan.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('courses:plan.cancel')}
        </button>
      </div>
    </form>
  );
}
