// The store under the collector: migrations and what an insert records, on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { migrate, readMigrations } from '../../server/src/store/migrator';
import { openPgliteDriver } from '../../server/src/store/pglite-driver';
import { openPostgresDriver } from '../../server/src/store/postgres-driver';
import type { SqlDriver } from '../../server/src/store/sql-driver';
import { createSqlEventStore } from '../../server/src/store/sql-event-store';
import type { EventStore } from '../../server/src/store/event-store';
import { hashToken } from '../../server/src/tokens';
import { SETUP_TIMEOUT_MS, createPostgresSchema, makeEvent, type StoreSetup } from './support';

interface DriverCase {
  name: string;
  open(): Promise<{ drivers: () => SqlDriver; teardown(): Promise<void> }>;
}

const DRIVER_CASES: DriverCase[] = [
  {
    name: 'pglite',
    async open() {
      const driver = await openPgliteDriver('memory://');
      return { drivers: () => driver, teardown: () => driver.close() };
    },
  },
  {
    name: 'postgres',
    async open() {
      const schema: StoreSetup & { databaseUrl: string } = await createPostgresSchema();
      const opened: SqlDriver[] = [];
      return {
        // A new pool each time: like a second collector process.
        drivers: () => {
          const driver = openPostgresDriver(schema.databaseUrl);
          opened.push(driver);
          return driver;
        },
        async teardown() {
          await Promise.all(opened.map((driver) => driver.close()));
          await schema.teardown();
        },
      };
    },
  },
];

describe.each(DRIVER_CASES)('store ($name)', (driverCase) => {
  let opened: Awaited<ReturnType<DriverCase['open']>>;
  let driver: SqlDriver;
  let store: EventStore;

  beforeAll(async () => {
    opened = await driverCase.open();
    driver = opened.drivers();
    store = createSqlEventStore(driver);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await opened?.teardown();
  });

  it('applies the migrations once, even when two processes start together and again later', async () => {
    const names = readMigrations().map((m) => m.name);
    expect(names[0]).toBe('001_initial.sql');
    const results = await Promise.all([migrate(driver), migrate(opened.drivers())]);
    expect(results.flat().sort()).toEqual(names);
    expect(await migrate(driver)).toEqual([]);
    expect(await store.migrate()).toEqual([]);
    const recorded = await driver.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY name',
    );
    expect(recorded.map((row) => row.name)).toEqual(names);
  });

  it('records the receive time, the delivering device and the payload as jsonb', async () => {
    const deviceId = uuidv7();
    await store.createDevice({
      id: deviceId,
      helpPointId: 'store-test',
      role: 'kiosk',
      tokenHash: hashToken('store-test-token-store-test-token-1234'),
    });
    const event = makeEvent('store-test', 'question', { occurredAt: '2026-11-20T09:15:00.000Z' });
    const receivedAt = new Date('2026-11-21T08:00:00.123Z');
    expect(await store.insertEvents([event], receivedAt, deviceId)).toEqual(new Set([event.id]));
    expect(await store.insertEvents([event], new Date(), deviceId)).toEqual(new Set());

    const [row] = await driver.query<Record<string, unknown>>(
      `SELECT id, type, schema_version, occurred_at, received_at, help_point_id, device_id,
              received_from_device, data, data->>'count' AS count_text
       FROM events WHERE id = $1::uuid`,
      [event.id],
    );
    expect(row).toEqual({
      id: event.id,
      type: 'question',
      schema_version: 1,
      occurred_at: new Date('2026-11-20T09:15:00.000Z'),
      received_at: receivedAt,
      help_point_id: 'store-test',
      device_id: event.deviceId,
      received_from_device: deviceId,
      data: event.data,
      count_text: '1',
    });
    const [helpPoint] = await driver.query<{ name: string }>(
      "SELECT name FROM help_points WHERE id = 'store-test'",
    );
    expect(helpPoint?.name).toBe('store-test');
    const found = await store.findDeviceByTokenHash(
      hashToken('store-test-token-store-test-token-1234'),
    );
    expect(found).toEqual({
      id: deviceId,
      helpPointId: 'store-test',
      role: 'kiosk',
      revokedAt: null,
    });
  });

  it('stores only hashes of device tokens', async () => {
    const rows = await driver.query<{ token_hash: string }>('SELECT token_hash FROM devices');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
