/**
 * What just happened to a record, said once in a polite live region: saved (with undo and
 * change), changed, or deleted; and whether that stayed on this device or travels to the
 * collector as a correction.
 */
import { useTranslation } from 'react-i18next';
import type { SavedNote as Note } from '../tagging/tagging-machine';

interface SavedNoteProps {
  note: Note | null;
  onUndo: () => void;
  onEdit: (note: Note) => void;
  onDismiss: () => void;
}

export function SavedNote({ note, onUndo, onEdit, onDismiss }: SavedNoteProps) {
  const { t } = useTranslation('staff');
  const topics = note ? note.data.helpedWith.map((topic) => t(`codes.topic.${topic}`)) : [];
  return (
    <div className="saved-note" role="status" data-testid="saved-note">
      {note ? (
        <div className="notice notice--ok" data-action={note.action}>
          <p>
            {t(`note.${note.action}`, { record: topics.join(' + '), count: note.data.count })}{' '}
            {note.outcome === 'correction-queued' ? t('note.correctionQueued') : null}
          </p>
          <div className="cluster">
            {note.action === 'saved' ? (
              <>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={onUndo}
                  data-testid="tag-undo"
                >
                  {t('note.undo')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => onEdit(note)}
                  data-testid="tag-edit-last"
                >
                  {t('note.edit')}
                </button>
              </>
            ) : null}
            <button type="button" className="button button--quiet" onClick={onDismiss}>
              {t('note.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
