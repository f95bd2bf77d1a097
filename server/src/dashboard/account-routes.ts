/**
 * Login, logout, who am I, and the municipality admin's accounts: list, create, delete.
 * Every answer is JSON in the collector's shapes; nothing submitted is echoed back.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod/mini';
import { ERROR_CODES } from '../../../src/protocol/sync-api';
import { sendError } from '../http/errors';
import type { Account } from '../store/account-store';
import type { createAccessControl } from './access';
import { FixedWindowCounter, type LoginLimits } from './login-limits';
import type { DashboardDeps } from './parts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import {
  SESSION_COOKIE,
  csrfTokenFor,
  newSessionId,
  sessionCookieOptions,
  sessionIdHash,
} from './sessions';

export const EMAIL_PATTERN = /^[^\s@\p{Cc}]{1,64}@[^\s@\p{Cc}]{1,190}\.[^\s@\p{Cc}]{2,63}$/u;

/** Trimmed and lower case: the form an email is stored and looked up in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const loginSchema = z.strictObject({
  email: z.string().check(z.maxLength(254)),
  password: z.string().check(z.maxLength(1024)),
});

const newAccountSchema = z.strictObject({
  email: z.string().check(z.maxLength(254)),
  role: z.enum(['admin', 'manager', 'viewer']),
  helpPointIds: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(200))),
  password: z.string().check(z.maxLength(1024)),
});

const ANY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccountRouteOptions extends DashboardDeps {
  access: ReturnType<typeof createAccessControl>;
  idleMs: number;
  absoluteMs: number;
  loginLimits: LoginLimits | false;
}

function badRequest(reply: FastifyReply, message: string) {
  return sendError(reply, 400, ERROR_CODES.malformed, message);
}

export function registerAccountRoutes(api: FastifyInstance, options: AccountRouteOptions): void {
  const { store, access, now } = options;
  const byAddress = options.loginLimits && new FixedWindowCounter(options.loginLimits.address);
  const byEmail = options.loginLimits && new FixedWindowCounter(options.loginLimits.email);

  function tooMany(reply: FastifyReply, seconds: number) {
    reply.header('retry-after', String(seconds));
    return sendError(
      reply,
      429,
      ERROR_CODES.rateLimited,
      `Too many login attempts: retry after ${seconds} s.`,
    );
  }

  const describe = async (account: Account, sessionId: string) => ({
    account,
    csrfToken: csrfTokenFor(sessionId),
    municipality: await store.accounts.municipality(account.municipalityCode),
    helpPoints: await access.visibleHelpPoints(account),
  });

  // The one route without a session (the plugin's hook skips routes marked public).
  api.post('/login', { config: { public: true } }, async (request, reply) => {
    const at = now().getTime();
    const addressKey = `address:${request.ip}`;
    if (byAddress) {
      const wait = byAddress.blocked(addressKey, at);
      if (wait > 0) return tooMany(reply, wait);
      byAddress.count(addressKey, at);
    }
    const parsed = loginSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, 'Expected { email, password }.');
    const email = normaliseEmail(parsed.data.email);
    if (byEmail) {
      const wait = byEmail.blocked(email, at);
      if (wait > 0) return tooMany(reply, wait);
    }
    const found = await store.accounts.findForLogin(email);
    // Unknown email or wrong password: the same argon2 work and the same answer.
    const ok = await verifyPassword(
      found?.passwordHash ?? (await dummyPasswordHash()),
      parsed.data.password,
    );
    if (!found || !ok) {
      if (byEmail) byEmail.count(email, at);
      return sendError(reply, 401, ERROR_CODES.unauthenticated, 'Wrong email or password.');
    }
    // Abandoned sessions (never presented again) go at the next login, not never.
    await store.accounts.deleteExpiredSessions({
      now: now(),
      idleMs: options.idleMs,
      absoluteMs: options.absoluteMs,
    });
    // A login replaces the session this browser had.
    const oldHash = sessionIdHash(request.cookies[SESSION_COOKIE]);
    if (oldHash) await store.accounts.deleteSession(oldHash);
    const sessionId = newSessionId();
    await store.accounts.createSession(sessionIdHash(sessionId) ?? '', found.id, now());
    const account: Account = {
      id: found.id,
      email: found.email,
      role: found.role,
      municipalityCode: found.municipalityCode,
      helpPointIds: found.helpPointIds,
    };
    reply.setCookie(SESSION_COOKIE, sessionId, sessionCookieOptions(options.absoluteMs));
    reply.header('cache-control', 'no-store');
    const { account: shown, csrfToken } = await describe(account, sessionId);
    return { account: shown, csrfToken };
  });

  api.post('/logout', async (request, reply) => {
    const idHash = sessionIdHash(request.cookies[SESSION_COOKIE]);
    if (idHash) await store.accounts.deleteSession(idHash);
    const { httpOnly, secure, sameSite, path } = sessionCookieOptions(0);
    reply.clearCookie(SESSION_COOKIE, { httpOnly, secure, sameSite, path });
    return reply.code(204).send();
  });

  api.get('/me', async (request: FastifyRequest, reply) => {
    reply.header('cache-control', 'no-store');
    // requireAccount ran (the plugin's hook), so the cookie and account are there.
    return describe(request.account as Account, request.cookies[SESSION_COOKIE] ?? '');
  });

  api.get('/accounts', { preHandler: access.requireAdmin }, async (request) => ({
    accounts: await store.accounts.listAccounts((request.account as Account).municipalityCode),
  }));

  api.post('/accounts', { preHandler: access.requireAdmin }, async (request, reply) => {
    const admin = request.account as Account;
    const parsed = newAccountSchema.safeParse(request.body);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.map(String).join('.') || 'body';
      return badRequest(
        reply,
        `Expected { email, role: admin|manager|viewer, helpPointIds?, password }: invalid ${field}.`,
      );
    }
    const { role, password } = parsed.data;
    const email = normaliseEmail(parsed.data.email);
    if (!EMAIL_PATTERN.test(email)) return badRequest(reply, 'invalid email.');
    const problem = passwordProblem(password);
    if (problem) return badRequest(reply, `The password must have ${problem}.`);
    const helpPointIds = [...new Set(parsed.data.helpPointIds ?? [])].sort();
    if (role !== 'manager' && helpPointIds.length > 0) {
      return badRequest(reply, 'Only a manager has help points of their own (helpPointIds).');
    }
    const own = new Set((await store.accounts.helpPoints(admin.municipalityCode)).map((h) => h.id));
    if (helpPointIds.some((id) => !own.has(id))) {
      return badRequest(reply, "invalid helpPointIds: not all are this municipality's.");
    }
    const account: Account = {
      id: uuidv7(),
      email,
      role,
      municipalityCode: admin.municipalityCode,
      helpPointIds,
    };
    const outcome = await store.accounts.createAccount({
      ...account,
      passwordHash: await hashPassword(password),
      createdAt: now(),
    });
    if (outcome === 'email-taken') {
      return sendError(reply, 409, ERROR_CODES.conflict, 'An account with this email exists.');
    }
    return reply.code(201).send({ account });
  });

  api.delete<{ Params: { id: string } }>(
    '/accounts/:id',
    { preHandler: access.requireAdmin },
    async (request, reply) => {
      const admin = request.account as Account;
      const { id } = request.params;
      if (id.toLowerCase() === admin.id) {
        return sendError(
          reply,
          409,
          ERROR_CODES.conflict,
          'An admin cannot delete their own account.',
        );
      }
      const deleted =
        ANY_UUID.test(id) &&
        (await store.accounts.deleteAccount(id.toLowerCase(), admin.municipalityCode));
      if (!deleted) return sendError(reply, 404, ERROR_CODES.notFound, 'No such account.');
      return reply.code(204).send();
    },
  );
}
