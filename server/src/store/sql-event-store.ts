/**
 * The EventStore in SQL, written once for both drivers. Parameters are cast explicitly
 * ($1::uuid, $9::text::jsonb) so PGlite and postgres.js serialise them the same way. Times
 * come in as parameters, never from now(), so tests can move the clock.
 */
import type { LogEvent } from '../../../src/protocol/events';
import type { HelpPointTally } from '../../../src/protocol/help-requests';
import { normalisedInstant } from '../../../src/protocol/times';
import type { EventFilter, EventStore, HelpPointReport } from './event-store';
import type { SqlDriver } from './sql-driver';

const EVENT_COLUMNS =
  'id, type, schema_version, occurred_at, received_at, help_point_id, device_id, received_from_device, data';

/**
 * The whole batch as one JSON parameter, unpacked by jsonb_to_recordset, instead of a VALUES
 * list of nine parameters a row: one statement text for every batch size (prepared once, not
 * parsed and planned anew for each size) and one parameter to bind, not 4,500. The bench
 * (bench/collector.ts) measured this path against a raw multi-row INSERT.
 */
const INSERT_EVENTS_SQL = `
  INSERT INTO events (${EVENT_COLUMNS})
  SELECT ${EVENT_COLUMNS}
  FROM jsonb_to_recordset($1::text::jsonb) AS r(
    id uuid, type text, schema_version integer, occurred_at timestamptz,
    received_at timestamptz, help_point_id text, device_id uuid, received_from_device uuid,
    data jsonb)
  ON CONFLICT (id) DO NOTHING RETURNING id`;

function whereClause(filter: EventFilter): { sql: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  if (filter.helpPointId !== undefined) {
    params.push(filter.helpPointId);
    conditions.push(`help_point_id = $${params.length}`);
  }
  if (filter.type !== undefined) {
    params.push(filter.type);
    conditions.push(`type = $${params.length}`);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * Per help point, questions per topic and (where topic is null) in all, from the latest
 * version of each record that was not withdrawn.
 */
const QUESTIONS_BY_TOPIC_SQL = `
  SELECT help_point_id, topic, sum(questions)::integer AS n
  FROM latest_questions CROSS JOIN LATERAL jsonb_array_elements_text(helped_with) AS t(topic)
  GROUP BY help_point_id, topic
  UNION ALL
  SELECT help_point_id, NULL, sum(questions)::integer
  FROM latest_questions GROUP BY help_point_id`;

/**
 * The help point's questions like the report's, kept when helpedAt is in [$2, $3) (after the
 * latest version was chosen); hours shifted by $4 minutes.
 */
const TALLY_SQL = `
  WITH tallied AS (
    SELECT questions AS n, helped_with,
      to_char((helped_at AT TIME ZONE 'UTC') + $4::integer * interval '1 minute', 'HH24') AS hour
    FROM latest_questions
    WHERE help_point_id = $1::text
      AND helped_at >= $2::timestamptz AND helped_at < $3::timestamptz
  )
  SELECT 'topic' AS kind, topic AS key, sum(n)::integer AS n
  FROM tallied CROSS JOIN LATERAL jsonb_array_elements_text(helped_with) AS t(topic)
  GROUP BY topic
  UNION ALL
  SELECT 'hour', hour, sum(n)::integer FROM tallied GROUP BY hour
  UNION ALL
  SELECT 'total', NULL, COALESCE(sum(n), 0)::integer FROM tallied`;

/**
 * The first version received names the record's maker (as in latest_questions). One lookup
 * per record id (LATERAL … LIMIT 1): the planner cannot tell how many ids the JSON list
 * holds and, as one join, preferred reading all of the help point's questions; per id it
 * always reads events_record_idx (migration 004). Exported for the test that EXPLAINs it.
 */
export const RECORD_OWNERS_SQL = `
  SELECT ids.record_id, owner.device_id
  FROM (SELECT DISTINCT jsonb_array_elements_text($2::text::jsonb) AS record_id) AS ids
  CROSS JOIN LATERAL (
    SELECT device_id FROM events
    WHERE type = 'question' AND help_point_id = $1::text AND data->>'recordId' = ids.record_id
    ORDER BY received_at, id
    LIMIT 1
  ) AS owner`;

export function createSqlEventStore(driver: SqlDriver): EventStore {
  return {
    async insert(events: LogEvent[], receivedAt: Date, fromDeviceId: string) {
      if (events.length === 0) return new Set<string>();
      const received = receivedAt.toISOString();
      const rows = events.map((event) => ({
        id: event.id,
        type: event.type,
        schema_version: event.schemaVersion,
        // The one canonical form, never the raw text: both databases read it alike.
        occurred_at: normalisedInstant(event.occurredAt),
        received_at: received,
        help_point_id: event.helpPointId,
        device_id: event.deviceId,
        received_from_device: fromDeviceId,
        data: event.data,
      }));
      // One statement is atomic by itself: no BEGIN/COMMIT round trips around it.
      const inserted = await driver.query<{ id: string }>(INSERT_EVENTS_SQL, [
        JSON.stringify(rows),
      ]);
      return new Set(inserted.map((row) => row.id));
    },

    async recordOwners(helpPointId, recordIds) {
      if (recordIds.length === 0) return new Map<string, string>();
      const rows = await driver.query<{ record_id: string; device_id: string }>(
        RECORD_OWNERS_SQL,
        // As JSON text: both drivers pass a string the same way, arrays they do not.
        [helpPointId, JSON.stringify(recordIds)],
      );
      return new Map(rows.map((row) => [row.record_id, row.device_id]));
    },

    async count(filter = {}) {
      const where = whereClause(filter);
      const [row] = await driver.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM events ${where.sql}`,
        where.params,
      );
      return row?.n ?? 0;
    },

    async listIds() {
      const rows = await driver.query<{ id: string }>('SELECT id FROM events ORDER BY id');
      return rows.map((row) => row.id);
    },

    async report() {
      const helpPoints = await driver.query<{ id: string; name: string; devices: number }>(
        `SELECT h.id, h.name, count(d.id)::integer AS devices
         FROM help_points h LEFT JOIN devices d ON d.help_point_id = h.id
         GROUP BY h.id, h.name ORDER BY h.id`,
      );
      const byType = await driver.query<{ help_point_id: string; type: string; n: number }>(
        `SELECT help_point_id, type, count(*)::integer AS n
         FROM events GROUP BY help_point_id, type`,
      );
      const questions = await driver.query<{
        help_point_id: string;
        topic: string | null;
        n: number;
      }>(QUESTIONS_BY_TOPIC_SQL);
      const reports = new Map<string, HelpPointReport>(
        helpPoints.map((h) => [
          h.id,
          {
            helpPointId: h.id,
            name: h.name,
            devices: h.devices,
            eventsByType: {},
            questions: 0,
            questionsByTopic: {},
          },
        ]),
      );
      for (const row of byType) {
        const report = reports.get(row.help_point_id);
        if (report) report.eventsByType[row.type] = row.n;
      }
      for (const row of questions) {
        const report = reports.get(row.help_point_id);
        if (!report) continue;
        if (row.topic === null) report.questions = row.n;
        else report.questionsByTopic[row.topic] = row.n;
      }
      return [...reports.values()];
    },

    async tally(helpPointId, from, to, utcOffsetMinutes) {
      const rows = await driver.query<{
        kind: 'topic' | 'hour' | 'total';
        key: string | null;
        n: number;
      }>(TALLY_SQL, [helpPointId, from.toISOString(), to.toISOString(), utcOffsetMinutes]);
      const tally: HelpPointTally = { questions: 0, byTopic: {}, byHour: {} };
      for (const row of rows) {
        if (row.kind === 'total') tally.questions = row.n;
        else if (row.key !== null)
          (row.kind === 'topic' ? tally.byTopic : tally.byHour)[row.key] = row.n;
      }
      return tally;
    },
  };
}
