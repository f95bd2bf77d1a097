/**
 * The staff's tagging screen: one-tap repeats, the three main taps, optional details, the
 * note of what was just saved (with undo and change), today's records and today's tally.
 * The flow is the tagging machine; this component only renders its state.
 */
import { memo, useMemo } from 'react';
import { useQuietMachine } from '../tagging/use-quiet-machine';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import type { HelpTopic, Obstacle } from '../../../protocol/vocabulary';
import type { StaffServices, ErrandOption } from '../staff-services';
import type { SavedNote as Note } from '../tagging/tagging-machine';
import { taggingMachineWith } from '../tagging/tagging-with-services';
import {
  draftFromCombination,
  draftFromRecord,
  mostUsed,
  sameAsLast,
  type Combination,
  type QuestionData,
  type TagDefaults,
  type TagDraft,
} from '../tagging/tag-record';
import { useQuestionRecords } from '../tagging/use-question-records';
import { useHelpPointTally } from '../tagging/use-help-point-tally';
import { isToday, tally, type QuestionRecord } from '../tagging/today-records';
import { TagForm } from './TagForm';
import { TagDetails } from './TagDetails';
import { QuickTags } from './QuickTags';
import { SavedNote } from './SavedNote';
import { TodayRecords } from './TodayRecords';
import { TallyView } from './TallyView';

const DEFAULTS: TagDefaults = { language: 'sv', channel: 'drop-in' };

/** Saving a new record takes milliseconds and shows nothing new: not drawn (see the hook). */
function isSaving(snapshot: { matches: (state: 'saving') => boolean }): boolean {
  return snapshot.matches('saving');
}

function todaysRecords(records: QuestionRecord[]): QuestionRecord[] {
  const now = Date.now();
  return records.filter((record) => isToday(record, now));
}

interface TagScreenProps {
  services: StaffServices;
  errands: ErrandOption[];
  /** A draft to start from (a help request being tagged). */
  startFrom: TagDraft | null;
}

export const TagScreen = memo(function TagScreen({ services, errands, startFrom }: TagScreenProps) {
  const { t } = useTranslation('staff');
  const machine = useMemo(() => taggingMachineWith(services), [services]);
  const [state, send] = useQuietMachine(machine, { defaults: DEFAULTS, startFrom }, isSaving);
  const { draft, note, problem, revision, editing } = state.context;
  const { records, problem: readProblem } = useQuestionRecords(services, revision);
  const helpPointTally = useHelpPointTally(services, revision);

  const todays = useMemo(() => todaysRecords(records ?? []), [records]);
  const last = useMemo(() => {
    const newest = [...(records ?? [])].sort((a, b) => b.writtenAt - a.writtenAt)[0];
    return newest?.data ?? null;
  }, [records]);
  const combinations = useMemo(() => mostUsed((records ?? []).map((r) => r.data)), [records]);

  const todaysTally = useMemo(() => tally(todays), [todays]);
  // Stable handlers, so the list, the tally and the one-tap row (memoised) do not render
  // again on every tap: a tap's commit must not wait behind a long list being drawn.
  const on = useMemo(
    () => ({
      undo: () => send({ type: 'UNDO' }),
      dismiss: () => send({ type: 'DISMISS_NOTE' }),
      editNote: (saved: Note) =>
        send({
          type: 'EDIT',
          recordId: saved.recordId,
          data: saved.data,
          draft: draftFromRecord(saved.data),
        }),
      sameAsLast: (data: QuestionData) =>
        send({ type: 'START_FROM', draft: sameAsLast(data, Date.now()) }),
      combination: (combination: Combination) =>
        send({
          type: 'START_FROM',
          draft: draftFromCombination(combination, Date.now(), DEFAULTS),
        }),
      set: (patch: Partial<TagDraft>) => send({ type: 'SET', patch }),
      toggleTopic: (topic: HelpTopic) => send({ type: 'TOGGLE_TOPIC', topic }),
      toggleObstacle: (obstacle: Obstacle) => send({ type: 'TOGGLE_OBSTACLE', obstacle }),
      editRecord: (record: QuestionRecord) =>
        send({
          type: 'EDIT',
          recordId: record.recordId,
          data: record.data,
          draft: draftFromRecord(record.data),
        }),
      deleteRecord: (record: QuestionRecord) =>
        send({ type: 'DELETE', recordId: record.recordId, data: record.data }),
    }),
    [send],
  );

  const isEditing = state.matches('editing') || state.matches('savingEdit');

  return (
    <Screen name="staff-tag" title={t('tag.title')} lead={t('tag.lead')}>
      <SavedNote note={note} onUndo={on.undo} onEdit={on.editNote} onDismiss={on.dismiss} />
      {problem || readProblem ? (
        <p className="notice" role="alert" data-testid="tag-problem">
          {t('tag.storageProblem')} <code lang="en">{problem ?? readProblem}</code>
        </p>
      ) : null}
      {isEditing ? (
        <p className="notice notice--edit" data-testid="tag-editing">
          {t('tag.editing')}
        </p>
      ) : (
        <QuickTags
          last={last}
          combinations={combinations}
          onSameAsLast={on.sameAsLast}
          onCombination={on.combination}
        />
      )}
      <section className="tag-panel" aria-labelledby="tag-new-title" data-testid="tag-panel">
        <h2 id="tag-new-title" className="staff-subtitle">
          {isEditing ? t('tag.editTitle') : t('tag.newTitle')}
        </h2>
        <TagDetails
          key={`${revision}-${isEditing ? (editing?.recordId ?? '') : 'new'}-${draft.helpedAt}`}
          draft={draft}
          errands={errands}
          askPostcodeArea={services.askPostcodeArea}
          open={isEditing || draft.count > 1}
          onSet={on.set}
          onToggleObstacle={on.toggleObstacle}
        />
        <TagForm draft={draft} onToggleTopic={on.toggleTopic} onSet={on.set} />
        <div className="cluster">
          {isEditing ? (
            <>
              <button
                type="button"
                className="button button--primary"
                disabled={!state.can({ type: 'SAVE_EDIT' })}
                onClick={() => send({ type: 'SAVE_EDIT' })}
                data-testid="tag-save-edit"
              >
                {t('tag.saveEdit')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => send({ type: 'CANCEL_EDIT' })}
                data-testid="tag-cancel-edit"
              >
                {t('tag.cancelEdit')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => send({ type: 'CLEAR' })}
              data-testid="tag-clear"
            >
              {t('tag.clear')}
            </button>
          )}
        </div>
      </section>
      <TallyView tally={todaysTally} helpPoint={helpPointTally} />
      <TodayRecords records={todays} onEdit={on.editRecord} onDelete={on.deleteRecord} />
    </Screen>
  );
});
