-- The dashboard's statistics, kept as events arrive: triggers on `events` and `help_requests`
-- add each row's contribution to per-day and per-month rollups in the same transaction and
-- statement as the insert (COPY fires them too), so no request ever scans `events`. The counting rules
-- (server/src/dashboard/statistics/counting-rules.ts) are applied here:
-- - a day is a calendar day in Europe/Stockholm (both daylight-saving change days included);
-- - a question record counts in its latest version only (by occurred_at, then id, as in the
--   latest_questions view), and not at all once its maker withdrew it: a correction subtracts
--   the old version and adds the new one;
-- - a question record counts `count` visitors (a batch record), once per topic it tags, so
--   topics are questions and the view's total is visitors;
-- - a course session counts its attendees once.

CREATE TABLE stat_daily (
  view text NOT NULL,
  help_point_id text NOT NULL,
  day date NOT NULL,
  metric text NOT NULL,
  code text NOT NULL,
  -- '' where the event has no such dimension (courses have no single language).
  channel text NOT NULL,
  language text NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (view, help_point_id, day, metric, code, channel, language)
);

-- The same sums per calendar month (Stockholm): a year's view reads 12 rows per code, not 365.
CREATE TABLE stat_monthly (LIKE stat_daily);
ALTER TABLE stat_monthly RENAME COLUMN day TO month;
ALTER TABLE stat_monthly ADD PRIMARY KEY (view, help_point_id, month, metric, code, channel, language);

-- Each question record as it stands now: its maker, its latest version and whether it was
-- withdrawn. Corrections and withdrawals are decided here; the Digidel export reads it.
CREATE TABLE question_records (
  help_point_id text NOT NULL,
  record_id text NOT NULL,
  owner_device uuid NOT NULL,
  latest_at timestamptz,
  latest_id uuid,
  withdrawn boolean NOT NULL DEFAULT false,
  -- Stockholm day of the latest version's helpedAt; NULL while only a withdrawal is known.
  day date,
  data jsonb,
  PRIMARY KEY (help_point_id, record_id)
);
CREATE INDEX question_records_day_idx ON question_records (help_point_id, day)
  WHERE NOT withdrawn AND data IS NOT NULL;

-- Help requests are deleted 24 h after they were made; what the dashboard needs of them stays
-- here: the minute it was made, how long staff took to answer, and how it ended. The request's
-- id is kept only while the request exists (its UUIDv7 holds a millisecond time).
CREATE TABLE help_request_stats (
  id bigserial PRIMARY KEY,
  request_id uuid UNIQUE,
  help_point_id text NOT NULL,
  created_minute timestamptz NOT NULL,
  day date NOT NULL,
  language text NOT NULL,
  answered_after_seconds integer,
  outcome text NOT NULL CHECK (outcome IN ('open', 'accepted', 'closed', 'expired'))
);
CREATE INDEX help_request_stats_day_idx ON help_request_stats (help_point_id, day);

-- Contributions are first noted in stat_delta, row by row; once per statement (one delivered
-- batch, or one COPY) hp_stat_flush adds them up and applies them to the rollups in key order.
-- Every transaction then locks rollup rows in the same order, so two devices delivering at
-- once wait for each other but never deadlock, and a batch touches each rollup row once.
-- Rows in stat_delta never outlive their statement, so a transaction sees only its own.
CREATE TABLE stat_delta (LIKE stat_daily);

CREATE FUNCTION hp_stat_add(v text, hp text, d date, m text, c text, ch text, lang text, n bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF n <> 0 THEN
    INSERT INTO stat_delta VALUES (v, hp, d, m, c, ch, lang, n);
  END IF;
END
$$;

CREATE FUNCTION hp_stat_flush() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_monthly
  SELECT view, help_point_id, date_trunc('month', day)::date, metric, code, channel, language, sum(value)
  FROM stat_delta
  GROUP BY view, help_point_id, date_trunc('month', day)::date, metric, code, channel, language
  HAVING sum(value) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (view, help_point_id, month, metric, code, channel, language)
  DO UPDATE SET value = stat_monthly.value + EXCLUDED.value;
  WITH moved AS (DELETE FROM stat_delta RETURNING *)
  INSERT INTO stat_daily
  SELECT view, help_point_id, day, metric, code, channel, language, sum(value)
  FROM moved
  GROUP BY view, help_point_id, day, metric, code, channel, language
  HAVING sum(value) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (view, help_point_id, day, metric, code, channel, language)
  DO UPDATE SET value = stat_daily.value + EXCLUDED.value;
END
$$;

-- Stockholm wall-clock time of a stored instant.
CREATE FUNCTION hp_stockholm(t timestamptz) RETURNS timestamp
LANGUAGE sql STABLE AS $$ SELECT t AT TIME ZONE 'Europe/Stockholm' $$;

-- Adds (sign 1) or takes back (sign -1) one version of a question record.
CREATE FUNCTION hp_stat_question(hp text, q jsonb, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  local timestamp := hp_stockholm((q->>'helpedAt')::timestamptz);
  d date := local::date;
  n bigint := sign * (q->>'count')::bigint;
  ch text := q->>'channel';
  lang text := q->>'language';
  agency text := q->>'agency';
  errand text := q->>'errandId';
  code text;
  scope text;
BEGIN
  PERFORM hp_stat_add('questions', hp, d, 'visitors', '', ch, lang, n);
  PERFORM hp_stat_add('questions', hp, d, 'records', '', ch, lang, sign);
  FOR code IN SELECT jsonb_array_elements_text(q->'helpedWith') LOOP
    PERFORM hp_stat_add('questions', hp, d, 'topic', code, ch, lang, n);
  END LOOP;
  FOR code IN SELECT jsonb_array_elements_text(q->'obstacles') LOOP
    PERFORM hp_stat_add('questions', hp, d, 'obstacle', code, ch, lang, n);
  END LOOP;
  PERFORM hp_stat_add('questions', hp, d, 'area', COALESCE(q->>'area', 'none'), ch, lang, n);
  PERFORM hp_stat_add('questions', hp, d, 'agency', COALESCE(agency, 'none'), ch, lang, n);
  IF errand IS NOT NULL THEN
    PERFORM hp_stat_add('questions', hp, d, 'errand', errand, ch, lang, n);
  END IF;
  PERFORM hp_stat_add('questions', hp, d, 'outcome', q->>'outcome', ch, lang, n);
  PERFORM hp_stat_add('questions', hp, d, 'time-spent', q->>'timeSpent', ch, lang, n);
  PERFORM hp_stat_add('questions', hp, d, 'effort', COALESCE(q->>'effort', 'none'), ch, lang, n);
  PERFORM hp_stat_add('questions', hp, d, 'referred-to', COALESCE(q->>'referredTo', 'none'), ch, lang, n);
  PERFORM hp_stat_add('questions', hp, d, 'language', lang, ch, lang, n);
  PERFORM hp_stat_add('questions', hp, d, 'channel', ch, ch, lang, n);
  PERFORM hp_stat_add('busy-hours', hp, d, 'questions', to_char(local, 'ID-HH24'), ch, lang, n);
  PERFORM hp_stat_add('postcodes', hp, d, 'postcode', COALESCE(q->>'postcodeArea', 'not-given'), ch, lang, n);
  IF agency IS NOT NULL THEN
    -- The agency report: every errand of the agency ('*') and, if named, the errand alone.
    FOREACH scope IN ARRAY CASE WHEN errand IS NULL THEN ARRAY['*'] ELSE ARRAY['*', errand] END LOOP
      PERFORM hp_stat_add('agency', hp, d, 'total', agency || '|' || scope, ch, lang, n);
      FOR code IN SELECT jsonb_array_elements_text(q->'obstacles') LOOP
        PERFORM hp_stat_add('agency', hp, d, 'obstacle', agency || '|' || scope || '|' || code, ch, lang, n);
      END LOOP;
      PERFORM hp_stat_add('agency', hp, d, 'outcome', agency || '|' || scope || '|' || (q->>'outcome'), ch, lang, n);
    END LOOP;
    IF errand IS NOT NULL THEN
      PERFORM hp_stat_add('agency', hp, d, 'errand', agency || '|*|' || errand, ch, lang, n);
    END IF;
  END IF;
END
$$;

-- One stored event's contribution. Kiosk events count in channel 'kiosk', courses in 'course'.
CREATE FUNCTION hp_stat_event(eid uuid, etype text, occurred timestamptz, hp text, dev uuid, e jsonb)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r question_records%ROWTYPE;
  rid text := e->>'recordId';
  local timestamp;
  d date;
  lang text := COALESCE(e->>'language', '');
  code text;
BEGIN
  IF etype = 'question' THEN
    d := hp_stockholm((e->>'helpedAt')::timestamptz)::date;
    INSERT INTO question_records VALUES (hp, rid, dev, occurred, eid, false, d, e)
    ON CONFLICT (help_point_id, record_id) DO NOTHING;
    IF FOUND THEN
      PERFORM hp_stat_question(hp, e, 1);
      RETURN;
    END IF;
    SELECT * INTO r FROM question_records
    WHERE help_point_id = hp AND record_id = rid FOR UPDATE;
    IF r.data IS NULL THEN
      -- Only a withdrawal was known. By its maker: keep the version, count nothing. By
      -- another device: the record is this device's, as the latest_questions view holds.
      IF r.owner_device = dev THEN
        UPDATE question_records SET latest_at = occurred, latest_id = eid, day = d, data = e
        WHERE help_point_id = hp AND record_id = rid;
      ELSE
        UPDATE question_records
        SET owner_device = dev, withdrawn = false, latest_at = occurred, latest_id = eid, day = d, data = e
        WHERE help_point_id = hp AND record_id = rid;
        PERFORM hp_stat_question(hp, e, 1);
      END IF;
    ELSIF r.owner_device = dev AND (occurred, eid) > (r.latest_at, r.latest_id) THEN
      IF NOT r.withdrawn THEN
        PERFORM hp_stat_question(hp, r.data, -1);
        PERFORM hp_stat_question(hp, e, 1);
      END IF;
      UPDATE question_records SET latest_at = occurred, latest_id = eid, day = d, data = e
      WHERE help_point_id = hp AND record_id = rid;
    END IF;
  ELSIF etype = 'question-withdrawn' THEN
    INSERT INTO question_records (help_point_id, record_id, owner_device, withdrawn)
    VALUES (hp, rid, dev, true)
    ON CONFLICT (help_point_id, record_id) DO NOTHING;
    IF FOUND THEN
      RETURN;
    END IF;
    SELECT * INTO r FROM question_records
    WHERE help_point_id = hp AND record_id = rid FOR UPDATE;
    IF r.owner_device = dev AND NOT r.withdrawn THEN
      IF r.data IS NOT NULL THEN
        PERFORM hp_stat_question(hp, r.data, -1);
      END IF;
      UPDATE question_records SET withdrawn = true WHERE help_point_id = hp AND record_id = rid;
    END IF;
  ELSIF etype = 'visit' THEN
    local := hp_stockholm((e->>'startedAt')::timestamptz);
    d := local::date;
    PERFORM hp_stat_add('visits', hp, d, 'visits', '', 'kiosk', lang, 1);
    FOR code IN SELECT jsonb_array_elements_text(e->'doors') LOOP
      PERFORM hp_stat_add('visits', hp, d, 'door', code, 'kiosk', lang, 1);
    END LOOP;
    PERFORM hp_stat_add('visits', hp, d, 'ending', e->>'ending', 'kiosk', lang, 1);
    PERFORM hp_stat_add('visits', hp, d, 'end-feedback', COALESCE(e->>'feedback', 'none'), 'kiosk', lang, 1);
    PERFORM hp_stat_add('busy-hours', hp, d, 'visits', to_char(local, 'ID-HH24'), 'kiosk', lang, 1);
  ELSIF etype = 'feedback' THEN
    d := hp_stockholm(occurred)::date;
    PERFORM hp_stat_add('visits', hp, d, 'feedback', (e->>'context') || ':' || (e->>'answer'), 'kiosk', lang, 1);
  ELSIF etype = 'errand-viewed' THEN
    d := hp_stockholm(occurred)::date;
    PERFORM hp_stat_add('errands', hp, d, 'viewed', '', 'kiosk', lang, 1);
    PERFORM hp_stat_add('errands', hp, d, 'errand', e->>'errandId', 'kiosk', lang, 1);
    PERFORM hp_stat_add('errands', hp, d, 'found-by', e->>'foundBy', 'kiosk', lang, 1);
    PERFORM hp_stat_add('errands', hp, d, 'choice', e->>'choice', 'kiosk', lang, 1);
  ELSIF etype = 'lesson' THEN
    d := hp_stockholm(occurred)::date;
    PERFORM hp_stat_add('learning', hp, d, 'lessons-started', '', 'kiosk', lang, 1);
    PERFORM hp_stat_add('learning', hp, d, 'lesson-started', e->>'lessonId', 'kiosk', lang, 1);
    IF (e->>'completed')::boolean THEN
      PERFORM hp_stat_add('learning', hp, d, 'lessons-completed', '', 'kiosk', lang, 1);
      PERFORM hp_stat_add('learning', hp, d, 'lesson-completed', e->>'lessonId', 'kiosk', lang, 1);
    END IF;
  ELSIF etype = 'tech-tried' THEN
    d := hp_stockholm(occurred)::date;
    PERFORM hp_stat_add('learning', hp, d, 'testa-tried', '', 'kiosk', lang, 1);
    PERFORM hp_stat_add('learning', hp, d, 'testa-item', e->>'itemId', 'kiosk', lang, 1);
  ELSIF etype = 'course-session' THEN
    d := hp_stockholm((e->>'heldAt')::timestamptz)::date;
    PERFORM hp_stat_add('courses', hp, d, 'sessions', '', 'course', '', 1);
    PERFORM hp_stat_add('courses', hp, d, 'participants', '', 'course', '', (e->>'attendees')::bigint);
    PERFORM hp_stat_add('courses', hp, d, 'new-participants', '', 'course', '', (e->>'newAttendees')::bigint);
    PERFORM hp_stat_add('courses', hp, d, 'minutes', e->>'role', 'course', '', COALESCE((e->>'durationMinutes')::bigint, 0));
    PERFORM hp_stat_add('courses', hp, d, 'topic', e->>'topic', 'course', '', 1);
  END IF;
  -- heartbeat: fleet health only, never a count.
END
$$;

CREATE FUNCTION hp_stat_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hp_stat_event(NEW.id, NEW.type, NEW.occurred_at, NEW.help_point_id, NEW.device_id, NEW.data);
  RETURN NULL;
END
$$;

CREATE TRIGGER events_statistics AFTER INSERT ON events
FOR EACH ROW EXECUTE FUNCTION hp_stat_on_event();

CREATE FUNCTION hp_stat_on_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hp_stat_flush();
  RETURN NULL;
END
$$;

-- A statement's AFTER STATEMENT trigger runs once its AFTER ROW triggers have all run.
CREATE TRIGGER events_statistics_flush AFTER INSERT ON events
FOR EACH STATEMENT EXECUTE FUNCTION hp_stat_on_events_inserted();

CREATE FUNCTION hp_stat_on_help_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO help_request_stats
      (request_id, help_point_id, created_minute, day, language, outcome)
    VALUES (NEW.id, NEW.help_point_id, date_trunc('minute', NEW.created_at),
            hp_stockholm(NEW.created_at)::date, NEW.language, NEW.status);
  ELSIF TG_OP = 'UPDATE' THEN
    -- Answered: the first move away from open (accepted, or closed straight away).
    IF OLD.status = 'open' AND NEW.status <> 'open' THEN
      UPDATE help_request_stats
      SET answered_after_seconds = GREATEST(0, floor(extract(epoch FROM NEW.updated_at - NEW.created_at)))::integer,
          outcome = NEW.status
      WHERE request_id = NEW.id;
    ELSIF NEW.status <> OLD.status THEN
      UPDATE help_request_stats SET outcome = NEW.status WHERE request_id = NEW.id;
    END IF;
  ELSE
    -- Deleted after 24 h: never answered means expired; the id goes with the request.
    UPDATE help_request_stats
    SET request_id = NULL, outcome = CASE WHEN outcome = 'open' THEN 'expired' ELSE outcome END
    WHERE request_id = OLD.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER help_requests_statistics AFTER INSERT OR UPDATE OR DELETE ON help_requests
FOR EACH ROW EXECUTE FUNCTION hp_stat_on_help_request();

-- Events and requests stored before this migration, in the order they arrived.
DO $$
DECLARE
  e events%ROWTYPE;
BEGIN
  FOR e IN SELECT * FROM events ORDER BY received_at, id LOOP
    PERFORM hp_stat_event(e.id, e.type, e.occurred_at, e.help_point_id, e.device_id, e.data);
  END LOOP;
  PERFORM hp_stat_flush();
END
$$;

INSERT INTO help_request_stats
  (request_id, help_point_id, created_minute, day, language, answered_after_seconds, outcome)
SELECT id, help_point_id, date_trunc('minute', created_at), hp_stockholm(created_at)::date, language,
  CASE WHEN status <> 'open' THEN GREATEST(0, floor(extract(epoch FROM updated_at - created_at)))::integer END,
  status
FROM help_requests;
