/**
 * A collector upgraded to migration 008 counts what it stored before: the migration replays
 * the stored events in the order they arrived (corrections and withdrawals included) and the
 * views then equal the hand count, on PGlite and PostgreSQL.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEW_IDS, type ViewId } from '../../src/protocol/dashboard';
import { createSqlCollectorStore } from '../../server/src/store/collector-store';
import { migrate, readMigrations } from '../../server/src/store/migrator';
import { openPgliteDriver } from '../../server/src/store/pglite-driver';
import { openPostgresDriver } from '../../server/src/store/postgres-driver';
import type { SqlDriver } from '../../server/src/store/sql-driver';
import { generateDataSet } from './statistics-data';
import { expectedRows, referenceContributions } from './statistics-reference';
import {
  createPostgresSchema,
  makeEvent,
  sampleData,
  SETUP_TIMEOUT_MS,
  uniqueHelpPoint,
} from './support';

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

describe.each(DRIVERS)('migration 008 over stored events ($name)', (driverCase) => {
  let opened: Awaited<ReturnType<(typeof DRIVERS)[number]['open']>>;
  const hpA = uniqueHelpPoint('old');
  const hpB = uniqueHelpPoint('old');
  const set = generateDataSet(2024, [hpA, hpB]);

  beforeAll(async () => {
    opened = await driverCase.open();
    await migrate(
      opened.driver,
      readMigrations().filter((m) => m.name < '008'),
    );
    const store = createSqlCollectorStore(opened.driver);
    for (const hp of set.helpPoints)
      for (const device of hp.devices)
        await store.devices.create({ ...device, helpPointId: hp.id, tokenHash: uuidv7() });
    for (const delivery of set.deliveries)
      await store.events.insert(delivery.events, delivery.receivedAt, delivery.fromDevice);
    expect(await migrate(opened.driver)).toContain('008_statistics.sql');
  }, SETUP_TIMEOUT_MS * 2);

  afterAll(async () => {
    await opened?.close();
  });

  it('counts every view as if the events had arrived after it', async () => {
    const store = createSqlCollectorStore(opened.driver);
    const reference = referenceContributions(set);
    const scope = { helpPointIds: [hpA, hpB], fromDay: '2026-01-01', toDay: '2026-12-31' };
    for (const view of VIEW_IDS.filter((v) => v !== 'help-requests')) {
      const data = await store.statistics.view(view as ViewId, scope);
      const expected = expectedRows(reference, view, scope);
      expect(expected.size).toBeGreaterThan(2);
      expect(new Map(data.rows.map((r) => [r.key, r.value])), view).toEqual(expected);
    }
  });

  it('applies each delivery at once: nothing is left waiting in stat_delta', async () => {
    const store = createSqlCollectorStore(opened.driver);
    const hp = set.helpPoints[0];
    const kiosk = hp?.devices[0]?.id ?? '';
    const visit = makeEvent({ helpPointId: hpA, deviceId: kiosk }, 'visit', {
      data: { ...(sampleData('visit') as object), startedAt: '2026-07-15T10:00Z' },
    });
    const scope = { helpPointIds: [hpA], fromDay: '2026-07-15', toDay: '2026-07-15' };
    await store.events.insert([visit], new Date(), kiosk);
    expect((await store.statistics.view('visits', scope)).total).toBe(1);
    const [left] = await opened.driver.query<{ n: number }>(
      'SELECT count(*)::integer AS n FROM stat_delta',
    );
    expect(left?.n).toBe(0);
  });

  it('takes many devices delivering at once, in any order, without a deadlock', async () => {
    const store = createSqlCollectorStore(opened.driver);
    const devices = set.helpPoints.flatMap((hp) =>
      hp.devices.map((d) => ({ hp: hp.id, id: d.id })),
    );
    const languages = ['sv', 'ar', 'uk', 'fi', 'en'] as const;
    const batches = devices.map((device, i) =>
      Array.from({ length: 20 }, (_, j) =>
        makeEvent({ helpPointId: hpA, deviceId: device.id }, 'visit', {
          data: {
            ...(sampleData('visit') as object),
            startedAt: '2026-08-03T10:00Z',
            // Each device meets the same rollup rows in a different order.
            language: languages[(i + j * (i % 2 === 0 ? 1 : 4)) % languages.length],
          },
        }),
      ),
    );
    const results = await Promise.allSettled(
      [0, 1, 2].flatMap(() =>
        batches.map((events, i) => store.events.insert(events, new Date(), devices[i]?.id ?? '')),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const scope = { helpPointIds: [hpA], fromDay: '2026-08-03', toDay: '2026-08-03' };
    expect((await store.statistics.view('visits', scope)).total).toBe(20 * devices.length);
  });
});
