// The lookup behind "a correction only from the device that made the record" (recordOwners)
// runs for every batch that corrects or withdraws a question. It must be an index lookup, not
// a scan of the help point's questions: EXPLAIN of the real query, on PGlite and PostgreSQL,
// names events_record_idx (migration 004, on help_point_id and data->>'recordId'). Before the
// query looked records up one by one, the planner read all of the help point's questions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/src/store/migrator';
import { openPgliteDriver } from '../../server/src/store/pglite-driver';
import { openPostgresDriver } from '../../server/src/store/postgres-driver';
import type { SqlDriver } from '../../server/src/store/sql-driver';
import { RECORD_OWNERS_SQL } from '../../server/src/store/sql-event-store';
import { SETUP_TIMEOUT_MS, createPostgresSchema } from './support';

const CASES = [
  {
    name: 'pglite',
    open: async () => {
      const driver = await openPgliteDriver('memory://');
      return { driver, teardown: () => driver.close() };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const schema = await createPostgresSchema();
      const driver = openPostgresDriver(schema.databaseUrl);
      return {
        driver,
        teardown: async () => {
          await driver.close();
          await schema.teardown();
        },
      };
    },
  },
];

// About a year of one busy help point's logs each (60 a day).
const HELP_POINTS = 2;
const EVENTS = 40_000;

describe.each(CASES)('record owner lookup on $name', (storeCase) => {
  let driver: SqlDriver;
  let teardown: () => Promise<void>;

  beforeAll(async () => {
    ({ driver, teardown } = await storeCase.open());
    await migrate(driver);
    // Rows straight into the table: the statistics triggers (008) check real event data,
    // which this plan test does not need, so they are off in this throwaway schema only.
    await driver.exec(`
      INSERT INTO help_points (id, name)
        SELECT 'hp' || g, 'hp' || g FROM generate_series(1, ${HELP_POINTS}) g;
      INSERT INTO devices (id, help_point_id, token_hash, role, created_at)
        SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'hp' || g,
               't' || g, 'kiosk', now()
        FROM generate_series(1, ${HELP_POINTS}) g;
      ALTER TABLE events DISABLE TRIGGER USER;
      INSERT INTO events (id, type, schema_version, occurred_at, received_at, help_point_id,
                          device_id, received_from_device, data)
        SELECT ('00000000-0000-7000-9000-' || lpad(to_hex(g), 12, '0'))::uuid,
               CASE WHEN g % 4 < 3 THEN 'question' ELSE 'visit' END, 1, now(), now(),
               'hp' || (1 + g % ${HELP_POINTS}),
               ('00000000-0000-7000-8000-' || lpad(to_hex(1 + g % ${HELP_POINTS}), 12, '0'))::uuid,
               ('00000000-0000-7000-8000-' || lpad(to_hex(1 + g % ${HELP_POINTS}), 12, '0'))::uuid,
               CASE WHEN g % 4 < 3 THEN jsonb_build_object('recordId', 'r' || g)
                    ELSE '{}'::jsonb END
        FROM generate_series(1, ${EVENTS}) g;
      ANALYZE events;
    `);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await teardown?.();
  });

  it('finds the owners, and EXPLAIN shows events_record_idx serving the lookup', async () => {
    const params = ['hp2', JSON.stringify(['r1', 'r5', 'r9', 'r2'])];
    const owners = await driver.query<{ record_id: string; device_id: string }>(
      RECORD_OWNERS_SQL,
      params,
    );
    // r1, r5 and r9 were made at hp2 (1 + g % 2 = 2); r2 is another help point's.
    expect(owners.map((row) => row.record_id).sort()).toEqual(['r1', 'r5', 'r9']);
    const plan = await driver.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN ${RECORD_OWNERS_SQL}`,
      params,
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    // An index scan or a bitmap over it: either way only the asked records' rows are read.
    expect(text).toMatch(
      /Index (Only )?Scan using events_record_idx|Bitmap Index Scan on events_record_idx/,
    );
    expect(text).not.toMatch(/events_help_point_id_type_idx/);
    expect(text).not.toMatch(/Seq Scan on events/);
  });
});
