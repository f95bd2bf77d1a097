/**
 * A dead letter's reason as staff read it: what a known rejection reason means, in plain words
 * in the staff's language, beside the collector's own text (English, for whoever fixes it).
 */
import { useTranslation } from 'react-i18next';
import { rejectionReasonOf } from '../../../protocol/sync-api';
import { COLLECTOR_ERROR } from '../../../sync/drain-outbox';

export function DeadLetterReason({ reason }: { reason: string }) {
  const { t } = useTranslation();
  // collector-error is the device's own reason: one event that only ever got 5xx for a day.
  const known = rejectionReasonOf(reason) ?? (reason === COLLECTOR_ERROR ? COLLECTOR_ERROR : null);
  return (
    <>
      {known ? <span data-reason={known}>{t(`status.reasons.${known}`)} </span> : null}
      <code lang="en">{reason}</code>
    </>
  );
}
