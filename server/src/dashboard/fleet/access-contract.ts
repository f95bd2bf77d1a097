/**
 * The access types the fleet and settings routes use (ACCESS's, re-exported), and the
 * signed-in account of a request (set by ACCESS's requireAccount).
 */
import type { FastifyRequest } from 'fastify';
import type { Account } from '../access';

export type { Account, AccessControl, AccountRole } from '../access';
export type { DashboardDeps, FleetOptions } from '../dashboard-deps';

/** The account requireAccount set (A decorates request.account). */
export function accountOf(request: FastifyRequest): Account {
  const account = request.account;
  if (!account) throw new Error('dashboard route reached without an account');
  return account;
}
