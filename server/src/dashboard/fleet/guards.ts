/** Shared checks of the fleet and settings routes: body parsing and help point access. */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod/mini';
import { ERROR_CODES } from '../../../../src/protocol/sync-api';
import { sendError } from '../../http/errors';
import { describeIssue } from '../../untrusted-input';
import type { Account, AccessControl } from './access-contract';

/** The parsed body, or null after answering 400 with the field that is wrong. */
export function parseBody<T>(
  schema: z.ZodMiniType<T>,
  body: unknown,
  reply: FastifyReply,
): T | null {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  sendError(
    reply,
    400,
    ERROR_CODES.malformed,
    issue ? describeIssue(issue, '(body)') : 'The body is not valid.',
  );
  return null;
}

/**
 * 404 when the account cannot see the help point (another municipality's looks as if it did
 * not exist), 403 when it sees it but may not change it; true when the change may go ahead.
 */
export async function checkManage(
  access: AccessControl,
  account: Account,
  helpPointId: string,
  reply: FastifyReply,
): Promise<boolean> {
  const visible = await access.visibleHelpPoints(account);
  if (!visible.some((point) => point.id === helpPointId)) {
    sendError(reply, 404, ERROR_CODES.notFound, 'No such help point.');
    return false;
  }
  if (!(await access.mayManage(account, helpPointId))) {
    sendError(reply, 403, ERROR_CODES.forbidden, 'This account may not change this help point.');
    return false;
  }
  return true;
}
