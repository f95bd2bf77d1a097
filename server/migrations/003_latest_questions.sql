-- The latest version of each question record, none of a withdrawn record. Staff correct a
-- record by sending a new `question` event with the same recordId (the latest counts) and take
-- it back with a `question-withdrawn` (nothing of it counts). The admin report and the staff
-- tally both read this view, so they cannot count a record differently.
-- A filter on help_point_id (a DISTINCT ON column) is pushed into the view; a filter on
-- helped_at is applied to the latest version only, as it must be.

CREATE VIEW latest_questions AS
SELECT DISTINCT ON (e.help_point_id, e.data->>'recordId')
  e.help_point_id,
  e.data->>'recordId' AS record_id,
  -- How many questions the record stands for (a catch-up entry can hold several).
  (e.data->>'count')::integer AS questions,
  (e.data->>'helpedAt')::timestamptz AS helped_at,
  e.data->'helpedWith' AS helped_with,
  e.data
FROM events e
WHERE e.type = 'question'
  AND NOT EXISTS (
    SELECT 1 FROM events w
    WHERE w.type = 'question-withdrawn' AND w.help_point_id = e.help_point_id
      AND w.data->>'recordId' = e.data->>'recordId'
  )
ORDER BY e.help_point_id, e.data->>'recordId', e.occurred_at DESC, e.id DESC;
