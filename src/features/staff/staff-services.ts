/**
 * What the staff screens need from the rest of the app, as one interface the composition
 * root (src/app) fills in: storage through LocalData, the catalogue's errands, and the live
 * collector calls. The screens stay testable and never reach into storage or other features.
 */
import type { LogEvent } from '../../protocol/events';
import type { HelpPointTally, HelpRequest, HelpRequestAction } from '../../protocol/help-requests';
import type { Agency, LanguageCode } from '../../protocol/vocabulary';
import type { Reply } from '../../sync/collector-client';
import type { CorrectionOutcome } from './tagging/tagging-machine';
import type { QuestionData } from './tagging/tag-record';

export interface ErrandOption {
  id: string;
  title: string;
  agency: Agency | null;
}

export interface StaffServices {
  /** Stores a new record; resolves once it is durably committed. */
  saveQuestion(data: QuestionData): Promise<void>;
  /** Changes (next) or deletes (null) a record, holding the outbox lock. */
  correctQuestion(recordId: string, next: QuestionData | null): Promise<CorrectionOutcome>;
  /** This device's question and question-withdrawn events, and which still wait to be sent. */
  readQuestionEvents(): Promise<{ events: LogEvent[]; queued: Set<string> }>;
  /** The Använda catalogue's errands, for tagging the errand a visitor came with. */
  errands(language: LanguageCode): Promise<ErrandOption[]>;
  /** Null on a device that is not enrolled with the collector. */
  helpRequests(): Promise<{
    list(): Promise<Reply<HelpRequest[]>>;
    act(id: string, action: HelpRequestAction): Promise<Reply<HelpRequest>>;
    tally(from: number, to: number): Promise<Reply<HelpPointTally>>;
  } | null>;
  /** The help point's choice: may staff note the visitor's postcode area (3 digits)? */
  askPostcodeArea: boolean;
}
