/**
 * The chaos test (npm run test:chaos): 2,000+ events written in real browser sessions are
 * delivered through a proxy that drops requests, cuts responses after the collector has
 * committed and adds delays, while the browser is killed mid-sync three times and the
 * collector is restarted once. In the end the collector holds every event exactly once and
 * the device's outbox and dead letters are empty.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { test, expect, openStatus, readDatabase, type Page } from './fixtures';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { enrollPage, prepareHelpPoint } from './enroll';
import { logEventSchema, type LogEvent } from '../../src/protocol/events';
import { startChaosProxy } from '../support/chaos-proxy';
import { launchKillableChromium } from '../support/chromium-process';
import { seededRandom } from '../support/events';
import { readKioskEnrollment, writeEventsInKiosk } from '../support/write-outbox';

const EVENTS_PER_ROUND = 520;
const ROUNDS = 4;
const HELP_POINT = 'chaos-bibliotek';

function questionEvents(count: number, deviceId: string, random: () => number): LogEvent[] {
  const topics = ['printing-copying-scanning', 'e-legitimation', 'login-passwords', 'job-seeking'];
  return Array.from({ length: count }, () =>
    logEventSchema.parse({
      id: uuidv7(),
      type: 'question',
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      helpPointId: HELP_POINT,
      deviceId,
      data: {
        recordId: uuidv7(),
        helpedWith: [topics[Math.floor(random() * topics.length)]],
        area: null,
        agency: null,
        errandId: null,
        timeSpent: '5-15',
        effort: null,
        obstacles: [],
        outcome: 'solved',
        referredTo: null,
        language: 'sv',
        channel: 'drop-in',
        postcodeArea: null,
        count: 1,
        helpedAt: new Date().toISOString().slice(0, 16) + 'Z',
      },
    }),
  );
}

async function finishVisitThroughUi(page: Page) {
  await page.getByTestId('start').click();
  await page.locator('[data-language=en]').click();
  await page.getByTestId('end-visit').click();
  await page.locator('[data-feedback=yes]').click();
  await page.getByTestId('thanks-done').click();
}

test('chaos: every event reaches the collector exactly once', async ({ kiosk }) => {
  test.setTimeout(300_000);
  const random = seededRandom(Number(process.env.CHAOS_SEED ?? 20261121));
  const profile = await mkdtemp(join(tmpdir(), 'hjalppunkt-chaos-profile-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'hjalppunkt-chaos-collector-'));
  let collector: RunningCollector = await startCollector({ dataDir, rateLimit: false });
  const collectorPort = Number(new URL(collector.url).port);
  const proxy = await startChaosProxy(collectorPort, Number(process.env.CHAOS_SEED ?? 7));
  await prepareHelpPoint(collector, HELP_POINT);
  // The kiosk reaches the collector only through the proxy, enrollment included; the faults
  // start once it is enrolled (a lost exchange would spend the one-time code).
  const { link } = await collector.enroll({
    helpPointId: HELP_POINT,
    kioskUrl: kiosk.url,
    collectorUrl: proxy.url,
  });
  proxy.setFaulty(false);
  let deviceId = '';

  try {
    let kills = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const chromium = await launchKillableChromium(profile);
      const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
      // The first round enrolls, and waits for the settings (through the proxy's faults).
      if (round === 0) await enrollPage(page, link);
      else await page.goto(kiosk.url);
      await expect(page.locator('[data-screen=attract]')).toBeVisible();
      if (round === 0) {
        deviceId = (await readKioskEnrollment(page)).deviceId;
        proxy.setFaulty(true);
      }
      await writeEventsInKiosk(page, questionEvents(EVENTS_PER_ROUND, deviceId, random));
      await finishVisitThroughUi(page);

      if (round === 1) {
        // The collector goes down and comes back on the same port, mid-run.
        await collector.close();
        collector = await startCollector({ dataDir, port: collectorPort, rateLimit: false });
      }
      await openStatus(page, kiosk.url);
      await page.getByTestId('sync-now').click();
      // Kill the browser while it is (most likely) in the middle of a drain.
      await page.waitForTimeout(200 + Math.floor(random() * 800));
      await chromium.kill();
      kills += 1;
    }
    expect(kills).toBeGreaterThanOrEqual(3);

    // A last session drains what is left; faults stay on until the queue is empty.
    const chromium = await launchKillableChromium(profile);
    const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    await openStatus(page, kiosk.url);
    await expect
      .poll(
        async () => {
          const button = page.getByTestId('sync-now');
          if (await button.isEnabled()) await button.click();
          return ((await readDatabase(page)).outbox ?? []).length;
        },
        { timeout: 180_000, intervals: [1_000] },
      )
      .toBe(0);

    const database = await readDatabase(page);
    // The staff records stay on the device; the delivered visit logs have left it.
    const deviceIds = (database.logs as { id: string }[]).map((log) => log.id).sort();
    expect(database.logs as { type: string }[]).not.toContainEqual(
      expect.objectContaining({ type: 'visit' }),
    );
    const visits = await collector.countEvents({ type: 'visit' });
    expect(visits).toBeGreaterThan(0);
    const collectorIds = (await collector.listEventIds()).sort();
    expect(deviceIds.length).toBeGreaterThanOrEqual(2000);
    expect(collectorIds).toHaveLength(deviceIds.length + visits);
    expect(collectorIds).toEqual(expect.arrayContaining(deviceIds));
    expect(database.deadLetters).toHaveLength(0);
    expect(proxy.stats.dropped).toBeGreaterThan(0);
    expect(proxy.stats.cutAfterCommit).toBeGreaterThan(0);
    console.log(
      `chaos: ${collectorIds.length} events exactly once; proxy ${JSON.stringify(proxy.stats)}; browser kills ${kills}; collector restarts 1`,
    );
    await chromium.kill();
  } finally {
    await proxy.close();
    await collector.close();
    await rm(profile, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});
