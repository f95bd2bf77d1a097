/**
 * A dead letter's reason as staff read it: what a known rejection reason means, in plain words
 * in the staff's language, beside the collector's own text (English, for whoever fixes it).
 */
import { useTranslation } from 'react-i18next';
import { rejectionReasonOf } from '../../../protocol/sync-api';

export function DeadLetterReason({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const known = rejectionReasonOf(reason);
  return (
    <>
      {known ? <span data-reason={known}>{t(`status.reasons.${known}`)} </span> : null}
      <code lang="en">{reason}</code>
    </>
  );
}
