/**
 * `npm start`: the whole loop on one machine, on embedded defaults.
 *  - builds the kiosk and serves it on http://127.0.0.1:4173 (KIOSK_PORT);
 *  - starts the reference collector on http://127.0.0.1:8787 (COLLECTOR_PORT), with PGlite
 *    in .data/collector (or PostgreSQL when DATABASE_URL is set);
 *  - prints a fresh one-time enrollment link for the help point in public/kiosk-config.json
 *    on every start. Open it once on the kiosk, and its logs flow to the collector. An
 *    already enrolled kiosk keeps its token in its own IndexedDB and needs no new link.
 * The link carries a one-time code, never a device token, and nothing is written to a file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import QRCode from 'qrcode';
import { startStaticServer } from './static-server.mjs';
import { startCollector } from '../server/src/start-collector';

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
const kiosk = await startStaticServer({ root: 'dist', port: kioskPort, host });

rmSync(oldLinkFile, { force: true });
const config = JSON.parse(readFileSync('public/kiosk-config.json', 'utf8')) as {
  helpPointId: string;
  helpPointName: string;
};
// A fresh code on every start: an unused one simply expires (after 24 hours).
const { link, expiresAt } = await collector.enroll({
  helpPointId: config.helpPointId,
  helpPointName: config.helpPointName,
  role: 'kiosk',
  kioskUrl: kiosk.url,
});

console.log(`
Hjälppunkt is running.
  Kiosk:      ${kiosk.url}/
  Collector:  ${collector.url}/api/v1/events (${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${dataDir}`})
  Staff view: ${kiosk.url}/#status

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
