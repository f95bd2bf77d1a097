/**
 * Who may do what on the dashboard. Every /admin/api request passes requireAccount (the
 * plugin adds it to all routes but login): a session cookie that is neither idle nor too old,
 * and on every change (POST, PUT, PATCH, DELETE) the session's CSRF token in x-csrf-token.
 * Roles: a municipality admin sees and changes all of the municipality's help points and its
 * accounts; a help point manager changes their own help points; a viewer reads only. Another
 * municipality's help point is answered as if it did not exist (404, by the routes).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES } from '../../../src/protocol/sync-api';
import { sendError } from '../http/errors';
import type { Account, AccountStore, AccountRole, HelpPointSummary } from '../store/account-store';
import { CSRF_HEADER, SESSION_COOKIE, csrfTokenMatches, sessionIdHash } from './sessions';

export type { Account, AccountRole };

export interface AccessControl {
  /** onRequest/preHandler hook: sets request.account or answers 401 (JSON error shape). */
  requireAccount: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** preHandler after requireAccount: 403 unless the account may change things (admin, manager). */
  requireEditor: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** The help points the account may see: admin/viewer: all of its municipality's; manager: own. */
  visibleHelpPoints(account: Account): Promise<HelpPointSummary[]>;
  /** May this account change this help point (settings, devices)? admin: any in its municipality; manager: own; viewer: none. */
  mayManage(account: Account, helpPointId: string): Promise<boolean>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireAccount; null before it ran (and on login). */
    account: Account | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AccessOptions {
  accounts: AccountStore;
  now: () => Date;
  idleMs: number;
  absoluteMs: number;
}

export function createAccessControl(options: AccessOptions): AccessControl & {
  /** 403 unless the account is its municipality's admin (accounts). */
  requireAdmin: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
} {
  const { accounts } = options;

  async function requireAccount(request: FastifyRequest, reply: FastifyReply) {
    if (request.account) return undefined;
    const sessionId = request.cookies[SESSION_COOKIE];
    const idHash = sessionIdHash(sessionId);
    const account = idHash
      ? await accounts.useSession(idHash, {
          now: options.now(),
          idleMs: options.idleMs,
          absoluteMs: options.absoluteMs,
        })
      : null;
    if (!account || sessionId === undefined) {
      return sendError(reply, 401, ERROR_CODES.unauthenticated, 'Log in first (or again).');
    }
    // The cookie alone never changes anything: a change also carries the session's token,
    // which another site cannot read.
    if (
      UNSAFE_METHODS.has(request.method) &&
      !csrfTokenMatches(sessionId, request.headers[CSRF_HEADER])
    ) {
      return sendError(
        reply,
        403,
        ERROR_CODES.forbidden,
        `Send the session's CSRF token (from login or /admin/api/me) in ${CSRF_HEADER}.`,
      );
    }
    request.account = account;
    return undefined;
  }

  function requireRole(roles: AccountRole[], message: string) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      if (reply.sent) return undefined;
      if (!request.account) await requireAccount(request, reply);
      if (reply.sent) return undefined;
      if (!request.account || !roles.includes(request.account.role)) {
        return sendError(reply, 403, ERROR_CODES.forbidden, message);
      }
      return undefined;
    };
  }

  async function visibleHelpPoints(account: Account) {
    const all = await accounts.helpPoints(account.municipalityCode);
    if (account.role !== 'manager') return all;
    const own = new Set(account.helpPointIds);
    return all.filter((helpPoint) => own.has(helpPoint.id));
  }

  async function mayManage(account: Account, helpPointId: string) {
    if (account.role === 'viewer') return false;
    const helpPoint = await accounts.helpPoint(helpPointId);
    if (!helpPoint || helpPoint.municipalityCode !== account.municipalityCode) return false;
    return account.role === 'admin' || account.helpPointIds.includes(helpPointId);
  }

  return {
    requireAccount,
    requireEditor: requireRole(['admin', 'manager'], 'This account may only read.'),
    requireAdmin: requireRole(['admin'], "Only the municipality's admin may do this."),
    visibleHelpPoints,
    mayManage,
  };
}
