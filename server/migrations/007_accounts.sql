-- The dashboard's accounts (issue 13). Help points belong to a municipality by its SCB code;
-- each account belongs to one municipality and sees only its help points. Passwords are kept
-- as argon2id hashes; a session as the SHA-256 of its random id, never the id itself.

CREATE TABLE municipalities (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
  name text NOT NULL
);

-- NULL until an administrator sets it: such a help point is seen by no account.
ALTER TABLE help_points ADD COLUMN municipality_code text REFERENCES municipalities (code);
CREATE INDEX help_points_municipality_code_idx ON help_points (municipality_code);

CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  -- Stored lower case: one account per address, whatever case it is typed in.
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'viewer')),
  municipality_code text NOT NULL REFERENCES municipalities (code),
  created_at timestamptz NOT NULL
);

-- A manager's own help points (admins and viewers see all of their municipality's).
CREATE TABLE account_help_points (
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  help_point_id text NOT NULL REFERENCES help_points (id),
  PRIMARY KEY (account_id, help_point_id)
);

CREATE TABLE sessions (
  -- SHA-256 (hex) of the 256-bit random id in the cookie.
  id_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  -- Idle expiry counts from here; the absolute expiry from created_at.
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_account_id_idx ON sessions (account_id);
