/**
 * `npm start`: the whole loop on one machine, on embedded defaults.
 *  - builds the kiosk and serves it on http://127.0.0.1:4173 (KIOSK_PORT);
 *  - starts the reference collector on http://127.0.0.1:8787 (COLLECTOR_PORT), with PGlite
 *    in .data/collector (or PostgreSQL when DATABASE_URL is set);
 *  - gives the demo help point (the one in public/kiosk-config.json) its settings at the
 *    collector, with a fresh random staff PIN, printed here: the demo PIN exists only for
 *    this demo help point, and a new one is made at every start;
 *  - prints an enrollment link for that help point. Open it once on the kiosk, and its logs
 *    flow to the collector and its settings (with the PIN verifier) reach it.
 */
import { randomInt } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { startStaticServer } from './static-server.mjs';
import { startCollector } from '../server/src/start-collector';
import { weakPinReason } from '../src/lib/pin-policy';

const host = process.env.HOST ?? '127.0.0.1';
const kioskPort = Number(process.env.KIOSK_PORT ?? 4173);
const collectorPort = Number(process.env.COLLECTOR_PORT ?? 8787);
const dataDir = process.env.COLLECTOR_DATA_DIR ?? '.data/collector';
const linkFile = '.data/demo-enrollment-link.txt';

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
});

const freshStore = !process.env.DATABASE_URL && !existsSync(dataDir);
const collector = await startCollector({
  host,
  port: collectorPort,
  dataDir,
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(process.env.COLLECTOR_ADMIN_TOKEN ? { adminToken: process.env.COLLECTOR_ADMIN_TOKEN } : {}),
});
const kiosk = await startStaticServer({ root: 'dist', port: kioskPort, host });

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

// Reuse the demo device while its store lives; a fresh store gets a fresh enrollment.
let link = !freshStore && existsSync(linkFile) ? readFileSync(linkFile, 'utf8').trim() : '';
if (!link.startsWith(`${kiosk.url}/#enroll=`)) {
  ({ link } = await collector.enroll({
    helpPointId: demoConfig.helpPointId,
    helpPointName: demoConfig.helpPointName,
    role: 'kiosk',
    kioskUrl: kiosk.url,
  }));
  mkdirSync('.data', { recursive: true });
  writeFileSync(linkFile, `${link}\n`);
}

console.log(`
Hjälppunkt is running.
  Kiosk:      ${kiosk.url}/
  Collector:  ${collector.url}/api/v1/events (${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${dataDir}`})
  Staff view: ${kiosk.url}/#status
  Staff PIN:  ${demoPin} (the demo help point's, new at every start; set your own with
              npm run collector:help-point -- pin ${demoConfig.helpPointId})

Enroll the kiosk once by opening this link in it (or scan the QR code):
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
