/**
 * The two reads the attract screen waits for (what IndexedDB says about enrollment and kept
 * settings, and the checked configuration in the Cache API), started as this module is
 * evaluated. main.tsx imports it before anything else, so the browser does the reads while it
 * is still evaluating React and the rest of the app, instead of after: on a cold start both
 * cost tens of milliseconds.
 */
import { prefetchFirstConfig, readCheckedCopy } from './config';
import { readStartupState, type StartupState } from './startup-settings';
import type { KioskConfig } from '../../lib/kiosk-config';

export interface EarlyReads {
  startup: Promise<StartupState | undefined>;
  checkedCopy: Promise<KioskConfig | null>;
}

const startup = readStartupState().catch(() => undefined);
const checkedCopy = readCheckedCopy().catch(() => null);

// A first start (not enrolled, no checked copy) needs the file and the schemas that check
// it: asked for now rather than once the app's script has run.
void Promise.all([startup, checkedCopy]).then(([state, copy]) => {
  if (!copy && !state?.enrolled) void prefetchFirstConfig();
});

export const earlyReads: EarlyReads = { startup, checkedCopy };
