/**
 * Logging the session that was just held: when (now by default), how many came and how many
 * were new, the languages and the role. "Log session" checks it all first; each problem is
 * shown next to its field and focus moves to the first one. A storage failure is shown here,
 * with what was typed kept.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseProblem } from '../course-record';
import type { SessionForm } from '../session-form';
import { focusFirstProblem, SessionFields } from './SessionFields';
import { StorageError } from './StorageError';

interface LogFormProps {
  idPrefix: string;
  topicName: string;
  form: SessionForm;
  problems: readonly CourseProblem[];
  refusals: number;
  saving: boolean;
  saveError: string | null;
  onEdit: (patch: Partial<SessionForm>) => void;
  onSubmit: () => void;
  onBack: () => void;
}

export function LogForm(props: LogFormProps) {
  const { idPrefix, form, problems, refusals, saving, saveError } = props;
  const { t } = useTranslation('courses');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const latestProblems = useRef(problems);
  useEffect(() => {
    latestProblems.current = problems;
  });
  useEffect(() => {
    if (refusals > 0) focusFirstProblem(idPrefix, latestProblems.current);
  }, [idPrefix, refusals]);

  return (
    <form
      className="courses-form"
      aria-labelledby={`${idPrefix}-title`}
      aria-busy={saving}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!saving) props.onSubmit();
      }}
    >
      <h3 id={`${idPrefix}-title`} ref={headingRef} tabIndex={-1}>
        {t('courses:log.title')}
      </h3>
      <p className="courses-note">
        <strong>{t('courses:topic.chosen', { topic: props.topicName })}</strong>
      </p>
      <p className="courses-note">{t('courses:log.noNames')}</p>
      <SessionFields
        idPrefix={idPrefix}
        testIdPrefix="course"
        form={form}
        problems={problems}
        labels={{
          when: t('courses:log.when'),
          attendees: t('courses:log.attendees'),
          newAttendees: t('courses:log.newAttendees'),
          duration: t('courses:log.duration'),
        }}
        onChange={props.onEdit}
      />
      {saveError ? <StorageError message={t('courses:error.log')} reason={saveError} /> : null}
      <div className="button-row courses-actions">
        <button
          type="submit"
          className="button button--primary button--huge"
          data-testid="course-log"
          aria-disabled={saving}
        >
          {saving ? t('courses:log.saving') : t('courses:log.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onBack}>
          {t('courses:log.back')}
        </button>
      </div>
    </form>
  );
}
