/**
 * Each help point's settings (validated before they reach the store), its staff PIN verifier,
 * and the last version each device refused. Every change bumps the version by one.
 */
import type { PinHash } from '../../../src/lib/pin-hash';

/** What `collector:help-point set` stores: everything but the PIN. */
export interface SettingsBody {
  config: Record<string, unknown>;
  localCatalogue: unknown;
  localLessons: unknown;
}

export interface StoredSettings {
  helpPointId: string;
  version: number;
  settings: SettingsBody;
  staffPin: PinHash | null;
  updatedAt: Date;
}

/** Who published a version (a dashboard account's email; null for the CLI), and from what. */
export interface Publication {
  publishedBy: string | null;
  /** The earlier version this one copies (a rollback). */
  rolledBackFrom?: number;
}

export interface SettingsRefusalRecord {
  deviceId: string;
  version: number;
  reason: string;
  refusedAt: Date;
}

export interface SettingsStore {
  get(helpPointId: string): Promise<StoredSettings | null>;
  /** Creates the help point if need be (named `name`), stores the settings; the new version. */
  put(
    helpPointId: string,
    name: string,
    settings: SettingsBody,
    publication?: Publication,
  ): Promise<number>;
  /** Sets the PIN verifier of a help point that has settings; the new version, or null. */
  setStaffPin(
    helpPointId: string,
    staffPin: PinHash,
    publication?: Publication,
  ): Promise<number | null>;
  /** Keeps only the device's latest refusal. */
  recordRefusal(
    deviceId: string,
    helpPointId: string,
    refusal: { version: number; reason: string },
  ): Promise<void>;
  refusals(helpPointId: string): Promise<SettingsRefusalRecord[]>;
  /** The help point's own errand and lesson ids (for the known-codes check of events). */
  localCodes(helpPointId: string): Promise<{ errands: string[]; lessons: string[] }>;
}
