-- Fleet health and settings history (issue 13, part D). A device's name, when it last
-- reported, and its last heartbeat as sent (validated first); the settings version it
-- applied comes from that heartbeat. Every published settings version is kept, with who
-- published it and when, so the dashboard can show the history and roll back to one.

ALTER TABLE devices ADD COLUMN name text;
ALTER TABLE devices ADD COLUMN last_seen_at timestamptz;
ALTER TABLE devices ADD COLUMN last_heartbeat jsonb;
-- The queue depth of the heartbeat before the last, so "a queue that grows" needs no history.
ALTER TABLE devices ADD COLUMN previous_queue_depth integer;
ALTER TABLE devices ADD COLUMN applied_settings_version integer;

CREATE TABLE settings_versions (
  help_point_id text NOT NULL REFERENCES help_points (id),
  version integer NOT NULL CHECK (version >= 1),
  -- What devices get, without the PIN: { config, localCatalogue, localLessons }.
  settings jsonb NOT NULL,
  -- 'settings' (published or rolled back), or 'pin' (only the PIN verifier changed).
  kind text NOT NULL CHECK (kind IN ('settings', 'pin')),
  -- The dashboard account's email, or null for the command line and npm start.
  published_by text,
  published_at timestamptz NOT NULL DEFAULT now(),
  -- Set when this version is a copy of an earlier one (a rollback).
  rolled_back_from integer,
  PRIMARY KEY (help_point_id, version)
);

-- The version each help point has now becomes the first one its history shows.
INSERT INTO settings_versions (help_point_id, version, settings, kind, published_at)
SELECT help_point_id, version, settings, 'settings', updated_at FROM help_point_settings;
