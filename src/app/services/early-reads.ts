/**
 * The two reads the attract screen waits for (what IndexedDB says about enrollment and kept
 * settings, and the checked configuration in the Cache API), started as this module is
 * evaluated. main.tsx imports it before anything else, so the browser does the reads while it
 * is still evaluating React and the rest of the app, instead of after: on a cold start both
 * cost tens of milliseconds.
 */
import { readCheckedCopy } from './config';
import { readStartupState, type StartupState } from './startup-settings';
import type { KioskConfig } from '../../lib/kiosk-config';

export interface EarlyReads {
  startup: Promise<StartupState | undefined>;
  checkedCopy: Promise<KioskConfig | null>;
}

export const earlyReads: EarlyReads = {
  startup: readStartupState().catch(() => undefined),
  checkedCopy: readCheckedCopy().catch(() => null),
};
