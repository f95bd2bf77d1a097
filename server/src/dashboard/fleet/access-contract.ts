/**
 * The AccessControl interface of the issue 13 contract, as part D codes against it until
 * part A's server/src/dashboard/access.ts lands (then this file re-exports A's types). It
 * does not augment FastifyRequest: A's file does, and accountOf() reads the same field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CollectorStore } from '../../store/collector-store';

export type AccountRole = 'admin' | 'manager' | 'viewer';
export interface Account {
  id: string;
  email: string;
  role: AccountRole;
  municipalityCode: string;
  helpPointIds: string[];
}
export interface AccessControl {
  requireAccount: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  requireEditor: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  visibleHelpPoints(
    account: Account,
  ): Promise<{ id: string; name: string; municipalityCode: string }[]>;
  mayManage(account: Account, helpPointId: string): Promise<boolean>;
}

/** What the fleet and settings routes need beyond the contract's deps (all optional). */
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

/** The account requireAccount set (A decorates request.account). */
export function accountOf(request: FastifyRequest): Account {
  const account = (request as unknown as { account?: Account | null }).account;
  if (!account) throw new Error('dashboard route reached without an account');
  return account;
}
