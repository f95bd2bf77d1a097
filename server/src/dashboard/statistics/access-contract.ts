/**
 * The part of ACCESS's interface (server/src/dashboard/access.ts, contract issue 13) that the
 * statistics routes use, written out here so this part builds and tests before ACCESS lands.
 * ACCESS's AccessControl satisfies it structurally.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export type AccountRole = 'admin' | 'manager' | 'viewer';

export interface StatsAccount {
  id: string;
  email: string;
  role: AccountRole;
  municipalityCode: string;
  helpPointIds: string[];
}

export interface VisibleHelpPoint {
  id: string;
  name: string;
  municipalityCode: string;
}

export interface StatsAccess {
  requireAccount: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  visibleHelpPoints(account: StatsAccount): Promise<VisibleHelpPoint[]>;
}

/** request.account, set by requireAccount (ACCESS declares the property on FastifyRequest). */
export function accountOf(request: FastifyRequest): StatsAccount | null {
  return (request as unknown as { account?: StatsAccount | null }).account ?? null;
}
