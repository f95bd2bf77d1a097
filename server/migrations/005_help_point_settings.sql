-- Each help point's settings, served to its enrolled devices, and the last version each device
-- refused. The PIN is kept apart from the rest as its verifier only (PBKDF2: salt, hash,
-- iterations), never the PIN itself.

CREATE TABLE help_point_settings (
  help_point_id text PRIMARY KEY REFERENCES help_points (id),
  -- Goes up by one with every change to the settings or the PIN; the ETag is "v<version>".
  version integer NOT NULL CHECK (version >= 1),
  -- { config (without the PIN), localCatalogue, localLessons }, validated before it is stored.
  settings jsonb NOT NULL,
  staff_pin jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE settings_refusals (
  device_id uuid PRIMARY KEY REFERENCES devices (id),
  help_point_id text NOT NULL REFERENCES help_points (id),
  version integer NOT NULL,
  reason text NOT NULL,
  refused_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX settings_refusals_help_point_id_idx ON settings_refusals (help_point_id);
