/**
 * Making accounts and placing help points in municipalities, outside HTTP: the
 * `collector:admin` and `collector:help-point` CLIs, `npm start`'s demo admin and the tests
 * all go through these, with the same checks as the dashboard's own account form.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Account, AccountRole } from '../store/account-store';
import type { CollectorStore } from '../store/collector-store';
import { EMAIL_PATTERN, normaliseEmail } from './account-routes';
import { municipalityName } from './municipalities';
import { hashPassword, passwordProblem } from './passwords';

export class AccountInputError extends Error {}

const ROLES: readonly AccountRole[] = ['admin', 'manager', 'viewer'];

/** Creates the municipality (named from SCB's list) unless it exists; throws for a bad code. */
export async function ensureMunicipality(
  store: Pick<CollectorStore, 'accounts'>,
  code: string,
): Promise<{ code: string; name: string }> {
  const name = municipalityName(code);
  if (name === null) {
    throw new AccountInputError(`${code} is not an SCB municipality code (four digits, e.g. 0880)`);
  }
  const existing = await store.accounts.municipality(code);
  if (existing) return existing;
  await store.accounts.putMunicipality({ code, name });
  return { code, name };
}

export async function setHelpPointMunicipality(
  store: Pick<CollectorStore, 'accounts'>,
  helpPointId: string,
  code: string,
): Promise<void> {
  await ensureMunicipality(store, code);
  if (!(await store.accounts.setHelpPointMunicipality(helpPointId, code))) {
    throw new AccountInputError(
      `no help point ${helpPointId} (it appears with its settings or its first enrollment)`,
    );
  }
}

export interface NewAccountInput {
  email: string;
  role: string;
  municipalityCode: string;
  helpPointIds?: string[];
  password: string;
}

/** The checks that need no database: email, role, password, SCB code, whose help points. */
export function validateNewAccount(input: NewAccountInput): {
  email: string;
  role: AccountRole;
  helpPointIds: string[];
} {
  const email = normaliseEmail(input.email);
  if (!EMAIL_PATTERN.test(email) || email.length > 254) {
    throw new AccountInputError('invalid email');
  }
  const role = ROLES.find((known) => known === input.role);
  if (!role) throw new AccountInputError('the role must be admin, manager or viewer');
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountInputError(`the password must have ${problem}`);
  const helpPointIds = [...new Set(input.helpPointIds ?? [])].sort();
  if (role !== 'manager' && helpPointIds.length > 0) {
    throw new AccountInputError('only a manager has help points of their own (--help-point)');
  }
  if (municipalityName(input.municipalityCode) === null) {
    throw new AccountInputError(
      `${input.municipalityCode} is not an SCB municipality code (four digits, e.g. 0880)`,
    );
  }
  return { email, role, helpPointIds };
}

export async function addAccount(
  store: Pick<CollectorStore, 'accounts'>,
  input: NewAccountInput,
  now = new Date(),
): Promise<Account> {
  const { email, role, helpPointIds } = validateNewAccount(input);
  await ensureMunicipality(store, input.municipalityCode);
  const own = new Set(
    (await store.accounts.helpPoints(input.municipalityCode)).map((helpPoint) => helpPoint.id),
  );
  const foreign = helpPointIds.find((id) => !own.has(id));
  if (foreign !== undefined) {
    throw new AccountInputError(
      `help point ${foreign} is not in municipality ${input.municipalityCode}`,
    );
  }
  const account: Account = {
    id: uuidv7(),
    email,
    role,
    municipalityCode: input.municipalityCode,
    helpPointIds,
  };
  const outcome = await store.accounts.createAccount({
    ...account,
    passwordHash: await hashPassword(input.password),
    createdAt: now,
  });
  if (outcome === 'email-taken') throw new AccountInputError(`an account ${email} exists`);
  return account;
}
