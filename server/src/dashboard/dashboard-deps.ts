/**
 * What every part of the dashboard API is given when it registers its routes (parts.ts), in
 * its own module so that the parts and the list of parts never import each other.
 */
import type { CollectorStore } from '../store/collector-store';
import type { AccessControl } from './access';

/** What the fleet and settings routes need beyond the shared deps (all optional). */
export interface FleetOptions {
  /** Where enrollment links point (the kiosk app). Default: the collector's own origin. */
  kioskUrl?: string;
  /** The collector URL devices are told to use. Default: the origin the dashboard called. */
  collectorUrl?: string;
  enrollmentCodeTtlMs?: number;
  /** "not-seen": longer than this during staffed hours. Default 60 minutes. */
  notSeenMinutes?: number;
  /** The app version devices should run; older warns. Default: the newest any device runs. */
  currentAppVersion?: string;
  /** PBKDF2 rounds for a new PIN (tests use fewer). */
  pinIterations?: number;
}

export interface DashboardDeps {
  store: CollectorStore;
  access: AccessControl;
  now: () => Date;
  fleet?: FleetOptions;
}
