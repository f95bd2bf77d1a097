/**
 * The dashboard's accounts and sessions, the municipalities and which municipality each help
 * point belongs to. Passwords arrive here already hashed (argon2id) and sessions as the hash
 * of their id: this store never sees a password or a session id.
 */
export type AccountRole = 'admin' | 'manager' | 'viewer';

export interface Account {
  id: string;
  email: string;
  role: AccountRole;
  /** Four-digit SCB code. */
  municipalityCode: string;
  /** A manager's own help points; [] for admin and viewer. */
  helpPointIds: string[];
}

export interface Municipality {
  code: string;
  name: string;
}

export interface HelpPointSummary {
  id: string;
  name: string;
  municipalityCode: string;
}

export interface NewAccount extends Account {
  passwordHash: string;
  createdAt: Date;
}

export interface SessionPolicy {
  now: Date;
  /** A session unused for this long is over. */
  idleMs: number;
  /** A session is over this long after login, however busy. */
  absoluteMs: number;
}

export interface AccountStore {
  /** Creates the municipality, or renames it. */
  putMunicipality(municipality: Municipality): Promise<void>;
  municipality(code: string): Promise<Municipality | null>;
  /** Moves an existing help point into a municipality (which must exist); false: no help point. */
  setHelpPointMunicipality(helpPointId: string, municipalityCode: string): Promise<boolean>;
  /** The municipality's help points, by name. */
  helpPoints(municipalityCode: string): Promise<HelpPointSummary[]>;
  /** A help point with its municipality (null when it has none yet), or null. */
  helpPoint(
    id: string,
  ): Promise<{ id: string; name: string; municipalityCode: string | null } | null>;

  /** 'email-taken' when an account has this email already. */
  createAccount(account: NewAccount): Promise<'created' | 'email-taken'>;
  /** By email (lower-cased by the caller), with its password hash: for login only. */
  findForLogin(email: string): Promise<(Account & { passwordHash: string }) | null>;
  listAccounts(municipalityCode: string): Promise<Account[]>;
  /** Deletes the account (and its sessions) if it belongs to this municipality. */
  deleteAccount(id: string, municipalityCode: string): Promise<boolean>;

  createSession(idHash: string, accountId: string, now: Date): Promise<void>;
  /**
   * The session's account if the session is neither idle nor too old, marking it used at
   * `now`; an expired session is deleted and gives null.
   */
  useSession(idHash: string, policy: SessionPolicy): Promise<Account | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Deletes every session that is idle or too old under the policy; returns how many. */
  deleteExpiredSessions(policy: SessionPolicy): Promise<number>;
}
