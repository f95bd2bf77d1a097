/**
 * Corrections to a staff question record, inside one storage transaction. A record is every
 * `question` event with its recordId; the latest counts. Versions the collector has not
 * acknowledged yet are simply taken back. Once any version has been delivered, nothing is
 * changed in silence: the change travels as a new event the collector applies (a newer
 * `question` with the same recordId, or a `question-withdrawn`).
 */
import type { HjalppunktDatabase } from './database';
import type { LogEvent } from '../protocol/events';

export type CorrectionResult =
  /** Nothing had been delivered: the record is gone or replaced on this device only. */
  | 'taken-back'
  /** A version had been delivered: a correcting event is queued for the collector. */
  | 'correction-queued';

interface CorrectionParts {
  /** The record's new version, or null to delete the record. */
  replacement: LogEvent | null;
  /** Used only if a version of the record has already been delivered. */
  withdrawal: LogEvent;
  addQueued(event: LogEvent): Promise<void>;
}

export async function correctQuestionIn(
  db: HjalppunktDatabase,
  recordId: string,
  parts: CorrectionParts,
): Promise<CorrectionResult | 'missing'> {
  const versions = await db.logs
    .where('type')
    .equals('question')
    .filter((log) => log.event.type === 'question' && log.event.data.recordId === recordId)
    .primaryKeys();
  if (versions.length === 0) return 'missing';
  const queued = await db.outbox.where('id').anyOf(versions).primaryKeys();
  const delivered = versions.length > queued.length;
  await db.outbox.bulkDelete(queued);
  await db.logs.bulkDelete(queued);
  if (parts.replacement) await parts.addQueued(parts.replacement);
  else if (delivered) await parts.addQueued(parts.withdrawal);
  return delivered ? 'correction-queued' : 'taken-back';
}
