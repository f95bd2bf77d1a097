/**
 * Everything the collector keeps, as four stores over one database: devices, enrollment
 * codes, events and help requests. Two drivers (PGlite, postgres.js) sit underneath one SQL implementation of
 * each, so both databases run the very same SQL and the tests hold them to the same behaviour.
 */
import type { AccountStore } from './account-store';
import type { DeviceStore } from './device-store';
import type { EnrollmentStore } from './enrollment-store';
import type { EventStore } from './event-store';
import type { FleetStore } from './fleet-store';
import type { HelpRequestStore } from './help-request-store';
import { migrate } from './migrator';
import { createSqlAccountStore } from './sql-account-store';
import { createSqlDeviceStore } from './sql-device-store';
import { createSqlEnrollmentStore } from './sql-enrollment-store';
import type { SqlDriver } from './sql-driver';
import { createSqlEventStore } from './sql-event-store';
import { createSqlFleetStore } from './sql-fleet-store';
import { createSqlHelpRequestStore } from './sql-help-request-store';
import type { SettingsStore } from './settings-store';
import type { StatisticsStore } from '../dashboard/statistics/statistics-store';
import { createSqlStatisticsStore } from '../dashboard/statistics/sql-statistics-store';
import { createSqlSettingsStore } from './sql-settings-store';

export interface CollectorStore {
  /** For logs and errors only: "pglite:<dir>" or "postgres:<host>/<db>". */
  readonly description: string;
  readonly devices: DeviceStore;
  readonly events: EventStore;
  readonly helpRequests: HelpRequestStore;
  /** Each help point's settings and PIN verifier, and the devices' refusals. */
  readonly settings: SettingsStore;
  readonly enrollments: EnrollmentStore;
  /** The dashboard's accounts and sessions, municipalities and their help points. */
  readonly accounts: AccountStore;
  /** The dashboard's figures, from the rollups of migration 008. */
  readonly statistics: StatisticsStore;
  /** Devices' names and heartbeats, and each help point's settings history (009). */
  readonly fleet: FleetStore;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function createSqlCollectorStore(driver: SqlDriver): CollectorStore {
  return {
    description: driver.description,
    devices: createSqlDeviceStore(driver),
    events: createSqlEventStore(driver),
    helpRequests: createSqlHelpRequestStore(driver),
    settings: createSqlSettingsStore(driver),
    enrollments: createSqlEnrollmentStore(driver),
    accounts: createSqlAccountStore(driver),
    statistics: createSqlStatisticsStore(driver),
    fleet: createSqlFleetStore(driver),
    migrate: () => migrate(driver),
    async ping() {
      await driver.query('SELECT 1');
    },
    close: () => driver.close(),
  };
}
