/**
 * The fields of a session, held or planned: when (date and time), how many came and how many
 * were new, how long it lasted, the languages and the role. Each problem is shown next to its own field.
 */
import { useTranslation } from 'react-i18next';
import { MAX_ATTENDEES, type CourseProblem } from '../course-record';
import {
  PROBLEM_FIELD,
  toggleLanguage,
  type SessionField,
  type SessionForm,
} from '../session-form';
import { CountStepper } from '../../../components/CountStepper';
import { useFieldValue } from '../../../components/use-field-value';
import { LanguageChips } from './LanguageChips';
import { DurationChoice } from './DurationChoice';
import { describedBy, ProblemText, useProblemWords } from './ProblemText';
import { RoleChoice } from './RoleChoice';

interface SessionFieldsProps {
  /** Unique per form: ids are built from it. */
  idPrefix: string;
  /** "course" for the log form, "plan" for a plan: data-testid="course-attendees" etc. */
  testIdPrefix: string;
  form: SessionForm;
  problems: readonly CourseProblem[];
  labels: { when: string; attendees: string; newAttendees: string; duration: string };
  onChange: (patch: Partial<SessionForm>) => void;
}

/** The element that shows a field, to move focus to the first problem. */
export function fieldElementId(idPrefix: string, field: SessionField): string {
  return field === 'when' ? `${idPrefix}-date` : `${idPrefix}-${field}`;
}

/** The fields in the order they are shown. */
const FIELD_ORDER: readonly SessionField[] = [
  'topic',
  'when',
  'attendees',
  'newAttendees',
  'languages',
];

/** Moves focus to the first field (as shown) with a problem, where the volunteer fixes it. */
export function focusFirstProblem(idPrefix: string, problems: readonly CourseProblem[]) {
  const fields = new Set(problems.map((problem) => PROBLEM_FIELD[problem]));
  const first = FIELD_ORDER.find((field) => fields.has(field));
  if (!first) return;
  const element = document.getElementById(fieldElementId(idPrefix, first));
  const target =
    element instanceof HTMLFieldSetElement ? element.querySelector('button, input') : element;
  if (target instanceof HTMLElement) target.focus();
}

export function SessionFields({
  idPrefix,
  testIdPrefix,
  form,
  problems,
  labels,
  onChange,
}: SessionFieldsProps) {
  const { t } = useTranslation('courses');
  const problemWords = useProblemWords();
  const dateRef = useFieldValue<HTMLInputElement>(form.date);
  const timeRef = useFieldValue<HTMLInputElement>(form.time);
  const of = (field: SessionField) =>
    problems.filter((problem) => PROBLEM_FIELD[problem] === field);
  const whenProblems = of('when');
  const whenDescribedBy = describedBy(`${idPrefix}-when-problem`, whenProblems);
  return (
    <>
      <fieldset className="courses-fieldset">
        <legend className="field-label">{labels.when}</legend>
        <div className="field-row courses-when">
          <div className="field">
            <label htmlFor={`${idPrefix}-date`} className="courses-sublabel">
              {t('courses:log.date')}
            </label>
            <input
              id={`${idPrefix}-date`}
              className="input"
              type="date"
              ref={dateRef}
              defaultValue={form.date}
              required
              aria-invalid={whenProblems.length > 0}
              aria-describedby={whenDescribedBy}
              data-testid={`${testIdPrefix}-date`}
              onChange={(event) => onChange({ date: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-time`} className="courses-sublabel">
              {t('courses:log.time')}
            </label>
            <input
              id={`${idPrefix}-time`}
              className="input"
              type="time"
              ref={timeRef}
              defaultValue={form.time}
              required
              aria-invalid={whenProblems.length > 0}
              aria-describedby={whenDescribedBy}
              data-testid={`${testIdPrefix}-time`}
              onChange={(event) => onChange({ time: event.target.value })}
            />
          </div>
        </div>
        <ProblemText id={`${idPrefix}-when-problem`} problems={whenProblems} />
      </fieldset>
      <div className="field-row">
        <CountStepper
          id={`${idPrefix}-attendees`}
          label={labels.attendees}
          value={form.attendees}
          min={0}
          max={MAX_ATTENDEES}
          lessLabel={t('courses:log.fewer', { field: labels.attendees })}
          moreLabel={t('courses:log.more', { field: labels.attendees })}
          problem={problemWords(of('attendees'))}
          testId={`${testIdPrefix}-attendees`}
          onChange={(attendees) => onChange({ attendees })}
        />
        <CountStepper
          id={`${idPrefix}-newAttendees`}
          label={labels.newAttendees}
          value={form.newAttendees}
          min={0}
          max={MAX_ATTENDEES}
          lessLabel={t('courses:log.fewer', { field: labels.newAttendees })}
          moreLabel={t('courses:log.more', { field: labels.newAttendees })}
          problem={problemWords(of('newAttendees'))}
          testId={`${testIdPrefix}-new`}
          onChange={(newAttendees) => onChange({ newAttendees })}
        />
      </div>
      <DurationChoice
        name={`${idPrefix}-duration`}
        legend={labels.duration}
        value={form.durationMinutes}
        testIdPrefix={testIdPrefix}
        onChange={(durationMinutes) => onChange({ durationMinutes })}
      />
      <LanguageChips
        id={`${idPrefix}-languages`}
        legend={t('courses:log.languages')}
        selected={form.languages}
        problems={of('languages')}
        onToggle={(language) => onChange({ languages: toggleLanguage(form.languages, language) })}
      />
      <RoleChoice
        name={`${idPrefix}-role`}
        legend={t('courses:log.role')}
        value={form.role}
        onChange={(role) => onChange({ role })}
      />
    </>
  );
}
