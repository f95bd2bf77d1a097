/**
 * `npm start`: the whole loop on one machine, on embedded defaults.
 *  - builds the kiosk and serves it on http://127.0.0.1:4173 (KIOSK_PORT), brotli or gzip
 *    compressed, under the Content-Security-Policy of scripts/csp.mjs;
 *  - starts the reference collector on http://127.0.0.1:8787 (COLLECTOR_PORT), with PGlite
 *    in .data/collector (or PostgreSQL when DATABASE_URL is set);
 *  - gives the demo help point (the one in public/kiosk-config.json) its settings at the
 *    collector, with a fresh random staff PIN, printed here: the demo PIN exists only for
 *    this demo help point, and a new one is made at every start;
 *  - prints a fresh one-time enrollment link for that help point on every start. Open it once
 *    on the kiosk, and its logs flow to the collector and its settings (with the PIN verifier)
 *    reach it. An already enrolled kiosk keeps its token in its own IndexedDB.
 * The link carries a one-time code, never a device token, and nothing is written to a file.
 */
import { randomInt } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import QRCode from 'qrcode';
import { startStaticServer } from './static-server.mjs';
import { startCollector } from '../server/src/start-collector';
import { weakPinReason } from '../src/lib/pin-policy';

const host = process.env.HOST ?? '127.0.0.1';
const kioskPort = Number(process.env.KIOSK_PORT ?? 4173);
const collectorPort = Number(process.env.COLLECTOR_PORT ?? 8787);
const dataDir = process.env.COLLECTOR_DATA_DIR ?? '.data/collector';
// Earlier versions kept the demo link, with its device token, here: remove that copy.
const oldLinkFile = '.data/demo-enrollment-link.txt';

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
});

const collector = await startCollector({
  host,
  port: collectorPort,
  dataDir,
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(process.env.COLLECTOR_ADMIN_TOKEN ? { adminToken: process.env.COLLECTOR_ADMIN_TOKEN } : {}),
});
// Compressed, with the kiosk's Content-Security-Policy naming this collector (docs/deploy.md).
const kiosk = await startStaticServer({
  root: 'dist',
  port: kioskPort,
  host,
  csp: { collectorOrigin: collector.url },
});

rmSync(oldLinkFile, { force: true });
// The demo help point's settings are the public defaults; its PIN is new at every start.
const demoConfig = JSON.parse(readFileSync('public/kiosk-config.json', 'utf8')) as {
  helpPointId: string;
  helpPointName: string;
};
await collector.helpPoints.set(demoConfig.helpPointId, { config: demoConfig });
let demoPin = '';
do demoPin = String(randomInt(0, 1_000_000)).padStart(6, '0');
while (weakPinReason(demoPin) !== null);
await collector.helpPoints.setPin(demoConfig.helpPointId, demoPin);
// The dashboard's demo admin, with a new random password at every start (like the PIN).
const demoAdmin = await collector.resetDemoAdmin(demoConfig.helpPointId);

// A fresh code on every start: an unused one simply expires (after 24 hours).
const { link, expiresAt } = await collector.enroll({
  helpPointId: demoConfig.helpPointId,
  helpPointName: demoConfig.helpPointName,
  role: 'kiosk',
  kioskUrl: kiosk.url,
});

console.log(`
Hjälppunkt is running.
  Kiosk:      ${kiosk.url}/
  Collector:  ${collector.url}/api/v1/events (${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${dataDir}`})
  Dashboard:  ${collector.url}/admin/
              log in as ${demoAdmin.email}, password ${demoAdmin.password}
              (admin of ${demoAdmin.municipality.name} ${demoAdmin.municipality.code}, the demo's
              municipality; new at every start; add your own with npm run collector:admin)
  Staff view: ${kiosk.url}/#status
  Staff PIN:  ${demoPin} (the demo help point's, new at every start; set your own with
              npm run collector:help-point -- pin ${demoConfig.helpPointId})

Enroll the kiosk once by opening this link in it (or scan the QR code). The link works
once, until ${expiresAt.toISOString()}; an enrolled kiosk stays enrolled across restarts:
  ${link}
`);
console.log(await QRCode.toString(link, { type: 'terminal', small: true }));

const stop = async () => {
  await kiosk.close();
  await collector.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
