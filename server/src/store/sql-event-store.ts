/**
 * The EventStore in SQL, written once for both drivers. Parameters are cast explicitly
 * ($1::uuid, $9::text::jsonb) so PGlite and postgres.js serialise them the same way.
 */
import type { LogEvent } from '../../../src/protocol/events';
import type {
  DeviceRecord,
  DeviceRole,
  EventFilter,
  EventStore,
  HelpPointReport,
  NewDevice,
} from './event-store';
import { migrate } from './migrator';
import type { SqlDriver } from './sql-driver';
import { createHelpRequestMethods } from './sql-help-requests';

const EVENT_COLUMNS =
  'id, type, schema_version, occurred_at, received_at, help_point_id, device_id, received_from_device, data';
const EVENT_COLUMN_CASTS = [
  'uuid',
  'text',
  'integer',
  'timestamptz',
  'timestamptz',
  'text',
  'uuid',
  'uuid',
  'text::jsonb',
];

/** "($1::uuid, …, $9::text::jsonb), ($10::uuid, …)" for `rows` events. */
function valuesList(rows: number): string {
  const width = EVENT_COLUMN_CASTS.length;
  return Array.from(
    { length: rows },
    (_, row) =>
      `(${EVENT_COLUMN_CASTS.map((cast, col) => `$${row * width + col + 1}::${cast}`).join(', ')})`,
  ).join(', ');
}

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

export function createSqlEventStore(driver: SqlDriver): EventStore {
  return {
    description: driver.description,
    migrate: () => migrate(driver),

    async ping() {
      await driver.query('SELECT 1');
    },

    async findDeviceByTokenHash(tokenHash) {
      const [row] = await driver.query<{
        id: string;
        help_point_id: string;
        role: DeviceRole;
        revoked_at: Date | null;
      }>('SELECT id, help_point_id, role, revoked_at FROM devices WHERE token_hash = $1::text', [
        tokenHash,
      ]);
      if (!row) return null;
      const device: DeviceRecord = {
        id: row.id,
        helpPointId: row.help_point_id,
        role: row.role,
        revokedAt: row.revoked_at,
      };
      return device;
    },

    async createDevice(device: NewDevice) {
      await driver.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO help_points (id, name) VALUES ($1::text, COALESCE($2::text, $1::text))
           ON CONFLICT (id) DO UPDATE SET name = COALESCE($2::text, help_points.name)`,
          [device.helpPointId, device.helpPointName ?? null],
        );
        await tx.query(
          `INSERT INTO devices (id, help_point_id, role, token_hash)
           VALUES ($1::uuid, $2::text, $3::text, $4::text)`,
          [device.id, device.helpPointId, device.role, device.tokenHash],
        );
      });
    },

    async revokeDevice(deviceId) {
      const [row] = await driver.query<{ revoked_at: Date }>(
        `UPDATE devices SET revoked_at = COALESCE(revoked_at, now())
         WHERE id = $1::uuid RETURNING revoked_at`,
        [deviceId],
      );
      return row ? row.revoked_at : null;
    },

    async insertEvents(events: LogEvent[], receivedAt: Date, fromDeviceId: string) {
      if (events.length === 0) return new Set<string>();
      const received = receivedAt.toISOString();
      const params = events.flatMap((event) => [
        event.id,
        event.type,
        event.schemaVersion,
        event.occurredAt,
        received,
        event.helpPointId,
        event.deviceId,
        fromDeviceId,
        JSON.stringify(event.data),
      ]);
      const rows = await driver.transaction((tx) =>
        tx.query<{ id: string }>(
          `INSERT INTO events (${EVENT_COLUMNS}) VALUES ${valuesList(events.length)}
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          params,
        ),
      );
      return new Set(rows.map((row) => row.id));
    },

    async countEvents(filter = {}) {
      const where = whereClause(filter);
      const [row] = await driver.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM events ${where.sql}`,
        where.params,
      );
      return row?.n ?? 0;
    },

    async listEventIds() {
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
      // A record's corrections are new events with the same recordId: count its latest only,
      // and none of a record that was withdrawn. Rows with a null topic carry the total.
      const questions = await driver.query<{
        help_point_id: string;
        topic: string | null;
        n: number;
      }>(
        `WITH latest AS (
           SELECT DISTINCT ON (help_point_id, data->>'recordId') help_point_id, data
           FROM events e WHERE type = 'question'
             AND NOT EXISTS (
               SELECT 1 FROM events w
               WHERE w.type = 'question-withdrawn' AND w.help_point_id = e.help_point_id
                 AND w.data->>'recordId' = e.data->>'recordId'
             )
           ORDER BY help_point_id, data->>'recordId', occurred_at DESC, id DESC
         )
         SELECT help_point_id, topic, sum((data->>'count')::integer)::integer AS n
         FROM latest CROSS JOIN LATERAL jsonb_array_elements_text(data->'helpedWith') AS t(topic)
         GROUP BY help_point_id, topic
         UNION ALL
         SELECT help_point_id, NULL, sum((data->>'count')::integer)::integer
         FROM latest GROUP BY help_point_id`,
      );
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

    ...createHelpRequestMethods(driver),

    close: () => driver.close(),
  };
}
