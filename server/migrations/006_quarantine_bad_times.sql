-- Collectors before issue 12 checked minute fields only as a pattern and let occurredAt reach
-- any year. A stored "2026-13-45T99:99Z" made every later tally of its help point fail (the
-- latest_questions view casts helpedAt), so rows whose times the collector would now refuse
-- move to events_quarantine: out of every report and tally, and kept, not destroyed, for the
-- municipality to look at. From this migration on the collector refuses such events at the
-- door (src/protocol/times.ts), so the quarantine only ever holds rows from before it.

CREATE TABLE events_quarantine (LIKE events);
ALTER TABLE events_quarantine
  ADD COLUMN quarantined_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN reason text NOT NULL;

-- A minute field the collector would store today: exactly YYYY-MM-DDTHH:MMZ, a real minute
-- (PostgreSQL reads 23:60 as the next hour, so the value must read back as itself), and in
-- the window 2000-01-01 .. received + 24 h. A field the event type does not have is NULL: fine.
CREATE FUNCTION hp_006_minute_ok(t text, received timestamptz) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
  at timestamptz;
BEGIN
  IF t IS NULL THEN
    RETURN true;
  END IF;
  IF t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}Z$' THEN
    RETURN false;
  END IF;
  BEGIN
    at := t::timestamptz;
  EXCEPTION WHEN others THEN
    RETURN false;
  END;
  IF to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') <> t THEN
    RETURN false;
  END IF;
  RETURN at >= timestamptz '2000-01-01 00:00:00+00' AND at <= received + interval '24 hours';
END
$$;

WITH bad AS (
  DELETE FROM events e
  WHERE NOT (
    e.occurred_at >= timestamptz '2000-01-01 00:00:00+00'
    AND e.occurred_at <= e.received_at + interval '24 hours'
    AND hp_006_minute_ok(e.data->>'startedAt', e.received_at)
    AND hp_006_minute_ok(e.data->>'endedAt', e.received_at)
    AND hp_006_minute_ok(e.data->>'helpedAt', e.received_at)
    AND hp_006_minute_ok(e.data->>'heldAt', e.received_at)
  )
  RETURNING e.*
)
INSERT INTO events_quarantine
SELECT bad.*, now(), 'malformed-time or clock-out-of-range (migration 006)' FROM bad;

DROP FUNCTION hp_006_minute_ok(text, timestamptz);
