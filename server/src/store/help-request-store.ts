/**
 * Help requests: live coordination between a help point's kiosks and its staff tablets,
 * holding only codes and deleted a day after they were made.
 */
import type {
  HelpRequest,
  HelpRequestCreate,
  HelpRequestStatus,
} from '../../../src/protocol/help-requests';

/** A kiosk's request as the collector stores it: the body plus who asked, from the token. */
export interface NewHelpRequest extends HelpRequestCreate {
  helpPointId: string;
  deviceId: string;
}

export interface HelpRequestCreateOptions {
  /** The collector's clock: created_at and updated_at of a new request. */
  now: Date;
  /** Open requests of the device created after this count against maxOpen. */
  openSince: Date;
  maxOpen: number;
  /** Retention: requests created before this are deleted first. */
  deleteBefore: Date;
}

export type HelpRequestCreation =
  /** created: stored now; existing: this device already stored this id (a retry). */
  | { outcome: 'created' | 'existing'; request: HelpRequest }
  /** conflict: the id belongs to another device; limited: the device has maxOpen open. */
  | { outcome: 'conflict' | 'limited' };

export interface HelpRequestStore {
  /**
   * Deletes requests older than deleteBefore, then stores the request unless the device is
   * over its limit. Idempotent on id; an id of another device is never shown or overwritten.
   */
  create(request: NewHelpRequest, options: HelpRequestCreateOptions): Promise<HelpRequestCreation>;
  /** Retention: deletes every request created before this; returns how many. */
  deleteCreatedBefore(before: Date): Promise<number>;
  /** The help point's open and accepted requests created after since, oldest first. */
  list(helpPointId: string, since: Date): Promise<HelpRequest[]>;
  /**
   * Sets the status of a request of this help point (closed stays closed); null when the help
   * point has no such request. updated_at changes only when the status does.
   */
  updateStatus(
    id: string,
    helpPointId: string,
    status: Exclude<HelpRequestStatus, 'open'>,
    now: Date,
  ): Promise<HelpRequest | null>;
}
