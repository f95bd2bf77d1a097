// Migration 006: rows an older collector stored with impossible times (which broke every
// later tally) move to events_quarantine, and the tally answers again. On both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createSqlCollectorStore } from '../../server/src/store/collector-store';
import { migrate, readMigrations } from '../../server/src/store/migrator';
import { openPgliteDriver } from '../../server/src/store/pglite-driver';
import { openPostgresDriver } from '../../server/src/store/postgres-driver';
import type { SqlDriver } from '../../server/src/store/sql-driver';
import {
  SETUP_TIMEOUT_MS,
  createPostgresSchema,
  makeEvent,
  questionData,
  sampleData,
} from './support';

const HELP_POINT = 'legacy-hp';
const RECEIVED = '2026-11-21T12:00:00.000Z';

const DRIVERS: { name: string; open(): Promise<{ driver: SqlDriver; close(): Promise<void> }> }[] =
  [
    {
      name: 'pglite',
      async open() {
        const driver = await openPgliteDriver('memory://');
        return { driver, close: () => driver.close() };
      },
    },
    {
      name: 'postgres',
      async open() {
        const schema = await createPostgresSchema();
        const driver = openPostgresDriver(schema.databaseUrl);
        return {
          driver,
          async close() {
            await driver.close();
            await schema.teardown();
          },
        };
      },
    },
  ];

/** What pre-issue-12 collectors let through: pattern-valid, calendar-impossible or far out. */
const LEGACY_ROWS: { name: string; type: string; occurredAt: string; data: unknown }[] = [
  {
    name: 'month 13, hour 99',
    type: 'question',
    occurredAt: RECEIVED,
    data: { ...(questionData(['e-legitimation'], 1) as object), helpedAt: '2026-13-45T99:99Z' },
  },
  {
    name: 'Feb 29 in 2025',
    type: 'question',
    occurredAt: RECEIVED,
    data: { ...(questionData(['e-legitimation'], 1) as object), helpedAt: '2025-02-29T10:00Z' },
  },
  {
    name: 'minute 60',
    type: 'visit',
    occurredAt: RECEIVED,
    data: { ...(sampleData('visit') as object), endedAt: '2026-11-21T23:60Z' },
  },
  {
    name: 'month 00',
    type: 'course-session',
    occurredAt: RECEIVED,
    data: { ...(sampleData('course-session') as object), heldAt: '2026-00-10T10:00Z' },
  },
  {
    name: 'year 9999 helpedAt',
    type: 'question',
    occurredAt: RECEIVED,
    data: { ...(questionData(['e-legitimation'], 1) as object), helpedAt: '9999-12-31T10:00Z' },
  },
  {
    name: 'occurredAt in 1970',
    type: 'feedback',
    occurredAt: '1970-01-01T00:00:00.000Z',
    data: sampleData('feedback'),
  },
];

describe.each(DRIVERS)('migration 006 on legacy times ($name)', (driverCase) => {
  let opened: Awaited<ReturnType<(typeof DRIVERS)[number]['open']>>;
  let good: string;

  beforeAll(async () => {
    opened = await driverCase.open();
    const { driver } = opened;
    const before = readMigrations().filter((m) => m.name < '006');
    await migrate(driver, before);
    const deviceId = uuidv7();
    await driver.query(`INSERT INTO help_points (id, name) VALUES ($1, 'Legacy')`, [HELP_POINT]);
    await driver.query(
      `INSERT INTO devices (id, help_point_id, role, token_hash) VALUES ($1::uuid, $2, 'staff', 'x')`,
      [deviceId, HELP_POINT],
    );
    good = uuidv7();
    const rows = [
      {
        id: good,
        type: 'question',
        occurredAt: RECEIVED,
        data: { ...(questionData(['e-legitimation'], 2) as object), helpedAt: '2026-11-21T10:00Z' },
      },
      ...LEGACY_ROWS.map((row) => ({ ...row, id: uuidv7() })),
    ];
    for (const row of rows) {
      await driver.query(
        `INSERT INTO events (id, type, schema_version, occurred_at, received_at, help_point_id,
                             device_id, received_from_device, data)
         VALUES ($1::uuid, $2, 1, $3::timestamptz, $4::timestamptz, $5, $6::uuid, $6::uuid,
                 $7::text::jsonb)`,
        [
          row.id,
          row.type,
          row.occurredAt,
          RECEIVED,
          HELP_POINT,
          deviceId,
          JSON.stringify(row.data),
        ],
      );
    }
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await opened?.close();
  });

  const tallyOfTheDay = () =>
    createSqlCollectorStore(opened.driver).events.tally(
      HELP_POINT,
      new Date('2026-11-21T00:00:00Z'),
      new Date('2026-11-22T00:00:00Z'),
      0,
    );

  it('shows the problem first: one impossible helpedAt makes the tally fail', async () => {
    await expect(tallyOfTheDay()).rejects.toThrow();
  });

  it('quarantines exactly the rows with impossible or out-of-window times, and the tally answers', async () => {
    expect(await migrate(opened.driver)).toContain('006_quarantine_bad_times.sql');
    const kept = await opened.driver.query<{ id: string }>('SELECT id FROM events');
    expect(kept.map((row) => row.id)).toEqual([good]);
    const quarantined = await opened.driver.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM events_quarantine WHERE reason LIKE '%migration 006%'`,
    );
    expect(quarantined[0]?.n).toBe(LEGACY_ROWS.length);
    expect(await tallyOfTheDay()).toEqual({
      questions: 2,
      byTopic: { 'e-legitimation': 2 },
      byHour: { '10': 2 },
    });
    const report = await createSqlCollectorStore(opened.driver).events.report();
    expect(report.find((r) => r.helpPointId === HELP_POINT)?.questions).toBe(2);
  });

  it('stores the normalised instant, never the raw text (a 9-digit fraction is cut to ms)', async () => {
    const [device] = await opened.driver.query<{ id: string }>('SELECT id FROM devices');
    const event = makeEvent(HELP_POINT, 'feedback', {
      occurredAt: '2026-11-21T10:00:00.123999999Z',
    });
    const store = createSqlCollectorStore(opened.driver);
    await store.events.insert([event], new Date(RECEIVED), device?.id ?? '');
    const [row] = await opened.driver.query<{ micros: string }>(
      `SELECT (extract(microseconds FROM occurred_at))::text AS micros FROM events WHERE id = $1::uuid`,
      [event.id],
    );
    // Given the raw text, PostgreSQL would round to …124000 µs; PGlite could refuse longer ones.
    expect(Number(row?.micros)).toBe(123_000);
  });
});
