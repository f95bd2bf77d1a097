/**
 * Making accounts and placing help points in municipalities, outside HTTP: the
 * `collector:admin` and `collector:help-point` CLIs, `npm start`'s demo admin and the tests
 * all go through these, with the same checks as the dashboard's own account form.
 */
import { randomBytes } from 'node:crypto';
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

/** `npm start`'s demo admin: its municipality is Kalmar's code, for the demo only. */
export const DEMO_ADMIN_EMAIL = 'demo-admin@hjalppunkt.example';
export const DEMO_MUNICIPALITY_CODE = '0880';

/**
 * Places the demo help point in the demo municipality and makes its admin with a new random
 * password, replacing the one of an earlier start (like the demo PIN, new at every start, so
 * no demo password outlives the run that printed it).
 */
export async function resetDemoAdmin(
  store: Pick<CollectorStore, 'accounts'>,
  helpPointId: string,
  now = new Date(),
): Promise<{ email: string; password: string; municipality: { code: string; name: string } }> {
  const municipality = await ensureMunicipality(store, DEMO_MUNICIPALITY_CODE);
  await setHelpPointMunicipality(store, helpPointId, municipality.code);
  const existing = await store.accounts.findForLogin(DEMO_ADMIN_EMAIL);
  if (existing) await store.accounts.deleteAccount(existing.id, existing.municipalityCode);
  const password = randomBytes(12).toString('base64url');
  await addAccount(
    store,
    { email: DEMO_ADMIN_EMAIL, role: 'admin', municipalityCode: municipality.code, password },
    now,
  );
  return { email: DEMO_ADMIN_EMAIL, password, municipality };
}
