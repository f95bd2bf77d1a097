/**
 * Builds the app twice before the browser tests: `dist` (this version) and `dist-next` (the
 * same code labelled as a newer version), so the update flow can be tested against a real
 * second service worker.
 */
import { execFileSync } from 'node:child_process';

/** A release candidate label: the build refuses labels a heartbeat could not carry. */
export const NEXT_VERSION = '0.1.1-rc.1';

export default function globalSetup() {
  const vite = ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'];
  if (!process.env.HJALPPUNKT_SKIP_BUILD) {
    execFileSync(process.execPath, vite, { stdio: 'inherit' });
    // The municipality's dashboard (dist-dashboard/, served at /admin/) for dashboard*.spec.ts.
    execFileSync(process.execPath, [...vite, '--config', 'vite.dashboard.config.ts'], {
      stdio: 'inherit',
    });
  }
  execFileSync(process.execPath, vite, {
    stdio: 'inherit',
    env: { ...process.env, HJALPPUNKT_VERSION: NEXT_VERSION, HJALPPUNKT_OUT_DIR: 'dist-next' },
  });
}
