-- Help requests: a kiosk asks the staff of its help point for help, staff tablets accept and
-- close them. Live coordination holding only codes; the collector deletes a request 24 hours
-- after it was made (each time a new one comes in), so nothing here becomes a history.

CREATE TABLE help_requests (
  -- The kiosk's UUIDv7: a retried POST finds its request instead of making a second one.
  id uuid PRIMARY KEY,
  help_point_id text NOT NULL REFERENCES help_points (id),
  -- The enrolled device that asked (from its token).
  device_id uuid NOT NULL REFERENCES devices (id),
  language text NOT NULL,
  errand_id text,
  status text NOT NULL CHECK (status IN ('open', 'accepted', 'closed')),
  -- Collector clock.
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE INDEX help_requests_help_point_id_status_idx ON help_requests (help_point_id, status);
