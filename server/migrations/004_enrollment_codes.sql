-- Single-use enrollment codes, and corrections bound to the device that made the record.

-- An enrollment link carries a one-time code, never a device token. Only the code's SHA-256
-- is kept; the device gets its token by exchanging the code once (POST /api/v1/enroll).
CREATE TABLE enrollment_codes (
  code_hash text PRIMARY KEY,
  help_point_id text NOT NULL REFERENCES help_points (id),
  role text NOT NULL CHECK (role IN ('kiosk', 'staff')),
  -- Where the device will deliver: handed back with the token.
  collector_url text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- Set once, by the exchange: a second use finds it set and gets 410.
  used_at timestamptz,
  device_id uuid REFERENCES devices (id)
);

-- Corrections look up a record's versions by help point and record id.
CREATE INDEX events_record_idx ON events (help_point_id, (data->>'recordId'))
  WHERE type IN ('question', 'question-withdrawn');

-- As in 003, but a record is one device's: its versions and its withdrawal count only when
-- they come from the device that made it. The collector already refuses other devices'
-- corrections (not-own-record); the view holds to the same rule for anything stored before.
DROP VIEW latest_questions;
CREATE VIEW latest_questions AS
SELECT DISTINCT ON (e.help_point_id, e.data->>'recordId')
  e.help_point_id,
  e.data->>'recordId' AS record_id,
  (e.data->>'count')::integer AS questions,
  (e.data->>'helpedAt')::timestamptz AS helped_at,
  e.data->'helpedWith' AS helped_with,
  e.data
FROM events e
WHERE e.type = 'question'
  -- Only versions by the device that made the record first.
  AND e.device_id = (
    SELECT f.device_id FROM events f
    WHERE f.type = 'question' AND f.help_point_id = e.help_point_id
      AND f.data->>'recordId' = e.data->>'recordId'
    ORDER BY f.received_at, f.id
    LIMIT 1
  )
  AND NOT EXISTS (
    SELECT 1 FROM events w
    WHERE w.type = 'question-withdrawn' AND w.help_point_id = e.help_point_id
      AND w.data->>'recordId' = e.data->>'recordId'
      AND w.device_id = e.device_id
  )
ORDER BY e.help_point_id, e.data->>'recordId', e.occurred_at DESC, e.id DESC;
