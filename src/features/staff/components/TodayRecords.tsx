/**
 * Today's records on this device, newest first, each with its state (waiting to be sent, or
 * sent) and "change" and "delete". Before sync a change or deletion simply replaces what
 * waits; after sync it is sent as a correction, and the list says so. Delete asks once.
 */
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionRecord } from '../tagging/today-records';

interface TodayRecordsProps {
  records: QuestionRecord[];
  onEdit: (record: QuestionRecord) => void;
  onDelete: (record: QuestionRecord) => void;
}

export const TodayRecords = memo(function TodayRecords({
  records,
  onEdit,
  onDelete,
}: TodayRecordsProps) {
  const { t, i18n } = useTranslation('staff');
  const [confirming, setConfirming] = useState<string | null>(null);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  return (
    <section className="today-records" aria-labelledby="records-title">
      <h2 id="records-title" className="staff-subtitle">
        {t('records.title')}
      </h2>
      {records.length === 0 ? <p>{t('records.none')}</p> : null}
      <ul className="plain-list" data-testid="today-records">
        {records.map((record) => {
          const topics = record.data.helpedWith.map((topic) => t(`codes.topic.${topic}`));
          return (
            <li key={record.recordId} className="record card" data-testid="record">
              <p className="record__summary">
                <bdi dir="ltr">{time.format(Date.parse(record.data.helpedAt))}</bdi>
                {' · '}
                {topics.join(' + ')}
                {record.data.count > 1
                  ? ` · ${t('records.times', { count: record.data.count })}`
                  : ''}
                {' · '}
                {t(`codes.outcome.${record.data.outcome}`)}
              </p>
              <p className="record__state" data-sent={record.sent}>
                {record.sent ? t('records.sent') : t('records.waiting')}
              </p>
              {confirming === record.recordId ? (
                <div className="cluster" role="group" aria-label={t('records.confirm')}>
                  <span>{t('records.confirm')}</span>
                  <button
                    type="button"
                    className="button button--end"
                    onClick={() => {
                      setConfirming(null);
                      onDelete(record);
                    }}
                    data-testid="record-delete-confirm"
                  >
                    {t('records.deleteYes')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setConfirming(null)}
                  >
                    {t('records.deleteNo')}
                  </button>
                </div>
              ) : (
                <div className="cluster">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => onEdit(record)}
                    aria-label={t('records.editLabel', { record: topics.join(' + ') })}
                    data-testid="record-edit"
                  >
                    {t('records.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setConfirming(record.recordId)}
                    aria-label={t('records.deleteLabel', { record: topics.join(' + ') })}
                    data-testid="record-delete"
                  >
                    {t('records.delete')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
});
