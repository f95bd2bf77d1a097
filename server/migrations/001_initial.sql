-- Help points, enrolled devices and the anonymous events they deliver.
-- Plain SQL that runs unchanged on PGlite (embedded) and on a PostgreSQL server.

CREATE TABLE help_points (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  help_point_id text NOT NULL REFERENCES help_points (id),
  role text NOT NULL CHECK (role IN ('kiosk', 'staff')),
  -- Only the SHA-256 of the bearer token (hex): a leaked table does not leak working tokens.
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE INDEX devices_help_point_id_idx ON devices (help_point_id);

CREATE TABLE events (
  -- The device's UUIDv7: the idempotency key, so a replayed batch inserts nothing.
  id uuid PRIMARY KEY,
  type text NOT NULL,
  schema_version integer NOT NULL,
  -- Device clock, as reported.
  occurred_at timestamptz NOT NULL,
  -- Collector clock, when the batch arrived.
  received_at timestamptz NOT NULL,
  help_point_id text NOT NULL REFERENCES help_points (id),
  -- The device that produced the event (from the envelope)…
  device_id uuid NOT NULL,
  -- …and the authenticated device that delivered it.
  received_from_device uuid NOT NULL REFERENCES devices (id),
  data jsonb NOT NULL
);

CREATE INDEX events_help_point_id_type_idx ON events (help_point_id, type);
CREATE INDEX events_type_idx ON events (type);
CREATE INDEX events_received_at_idx ON events (received_at);
