// The store under the collector: migrations and what an insert records, on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { migrate, readMigrations } from '../../server/src/store/migrator';
import { openPgliteDriver } from '../../server/src/store/pglite-driver';
import { openPostgresDriver } from '../../server/src/store/postgres-driver';
import type { SqlDriver } from '../../server/src/store/sql-driver';
import {
  createSqlCollectorStore,
  type CollectorStore,
} from '../../server/src/store/collector-store';
import { hashToken } from '../../server/src/tokens';
import {
  SETUP_TIMEOUT_MS,
  createPostgresSchema,
  makeEvent,
  questionData,
  type StoreSetup,
} from './support';

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
  let store: CollectorStore;

  beforeAll(async () => {
    opened = await driverCase.open();
    driver = opened.drivers();
    store = createSqlCollectorStore(driver);
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
    await store.devices.create({
      id: deviceId,
      helpPointId: 'store-test',
      role: 'kiosk',
      tokenHash: hashToken('store-test-token-store-test-token-1234'),
    });
    const event = makeEvent('store-test', 'question', { occurredAt: '2026-11-20T09:15:00.000Z' });
    const receivedAt = new Date('2026-11-21T08:00:00.123Z');
    expect(await store.events.insert([event], receivedAt, deviceId)).toEqual(new Set([event.id]));
    expect(await store.events.insert([event], new Date(), deviceId)).toEqual(new Set());

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
    const found = await store.devices.findByTokenHash(
      hashToken('store-test-token-store-test-token-1234'),
    );
    expect(found).toEqual({
      id: deviceId,
      helpPointId: 'store-test',
      role: 'kiosk',
      revokedAt: null,
    });
  });

  it('views the latest version of each question record, none of a withdrawn one', async () => {
    const helpPointId = 'store-latest';
    const deviceId = uuidv7();
    await store.devices.create({
      id: deviceId,
      helpPointId,
      role: 'staff',
      tokenHash: hashToken(`${deviceId}-store-token-0123`),
    });
    const kept = uuidv7();
    const withdrawn = uuidv7();
    const version = (recordId: string, count: number, occurredAt: string) =>
      makeEvent({ helpPointId, deviceId }, 'question', {
        data: { ...(questionData(['other'], count, recordId) as object), helpedAt: occurredAt },
        occurredAt: `${occurredAt.slice(0, -1)}:00.000Z`,
      });
    await store.events.insert(
      [
        version(kept, 1, '2026-03-10T09:00Z'),
        version(kept, 4, '2026-03-10T10:00Z'),
        version(kept, 2, '2026-03-10T09:30Z'),
        version(withdrawn, 3, '2026-03-10T09:00Z'),
        makeEvent({ helpPointId, deviceId }, 'question-withdrawn', {
          data: { recordId: withdrawn },
        }),
      ],
      new Date(),
      deviceId,
    );
    const rows = await driver.query(
      `SELECT record_id, questions, helped_at, helped_with FROM latest_questions
       WHERE help_point_id = $1::text`,
      [helpPointId],
    );
    expect(rows).toEqual([
      {
        record_id: kept,
        questions: 4,
        helped_at: new Date('2026-03-10T10:00:00.000Z'),
        helped_with: ['other'],
      },
    ]);
  });

  it('keeps one row per help-request id, counts open ones and deletes old ones', async () => {
    const kiosk = { id: uuidv7(), helpPointId: 'store-requests', role: 'kiosk' as const };
    await store.devices.create({ ...kiosk, tokenHash: hashToken(`${kiosk.id}-store-token-0123`) });
    const at = (iso: string) => new Date(iso);
    const options = (now: string) => ({
      now: at(now),
      openSince: new Date(at(now).getTime() - 60 * 60_000),
      maxOpen: 2,
      deleteBefore: new Date(at(now).getTime() - 24 * 60 * 60_000),
    });
    const ask = (id: string, now: string, limit: Partial<ReturnType<typeof options>> = {}) =>
      store.helpRequests.create(
        { id, language: 'sv', errandId: null, helpPointId: kiosk.helpPointId, deviceId: kiosk.id },
        { ...options(now), ...limit },
      );
    const rows = async () =>
      (
        await driver.query<{ id: string; status: string; updated_at: Date }>(
          'SELECT id, status, updated_at FROM help_requests ORDER BY created_at',
        )
      ).map((row) => [row.id, row.status, new Date(row.updated_at).toISOString()]);

    const old = uuidv7();
    const first = uuidv7();
    expect(await ask(old, '2026-03-09T08:00:00.000Z')).toMatchObject({ outcome: 'created' });
    expect(await ask(first, '2026-03-10T09:00:00.000Z')).toMatchObject({ outcome: 'created' });
    // The next day's first request swept the one made over 24 hours before it.
    expect(await rows()).toEqual([[first, 'open', '2026-03-10T09:00:00.000Z']]);
    expect(await ask(first, '2026-03-10T09:01:00.000Z')).toMatchObject({ outcome: 'existing' });
    // Open requests made after openSince count against maxOpen: first (09:00) counts from
    // 08:30, and not from 09:00 itself.
    const oneOpenSince = (since: string) => ({ openSince: at(since), maxOpen: 1 });
    expect(
      await ask(uuidv7(), '2026-03-10T09:05:00.000Z', oneOpenSince('2026-03-10T08:30:00.000Z')),
    ).toEqual({ outcome: 'limited' });
    const second = uuidv7();
    expect(
      await ask(second, '2026-03-10T09:10:00.000Z', oneOpenSince('2026-03-10T09:00:00.000Z')),
    ).toMatchObject({ outcome: 'created' });
    expect(await ask(uuidv7(), '2026-03-10T09:20:00.000Z')).toEqual({ outcome: 'limited' });

    const close = (id: string, now: string) =>
      store.helpRequests.updateStatus(id, kiosk.helpPointId, 'closed', at(now));
    expect(await close(first, '2026-03-10T09:30:00.000Z')).toMatchObject({ status: 'closed' });
    expect(await close(first, '2026-03-10T09:40:00.000Z')).toMatchObject({
      updatedAt: '2026-03-10T09:30:00.000Z',
    });
    expect(
      await store.helpRequests.updateStatus(
        second,
        'elsewhere',
        'closed',
        at('2026-03-10T10:00:00.000Z'),
      ),
    ).toBe(null);
    expect(await rows()).toEqual([
      [first, 'closed', '2026-03-10T09:30:00.000Z'],
      [second, 'open', '2026-03-10T09:10:00.000Z'],
    ]);
  });

  it('stores only hashes of device tokens', async () => {
    const rows = await driver.query<{ token_hash: string }>('SELECT token_hash FROM devices');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
