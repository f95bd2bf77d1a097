/**
 * The dashboard specs' one fixture: a REAL collector (startCollector, in-memory PGlite) serving
 * the built dist-dashboard/ at /admin/, with help points in municipality 0880 (Kalmar), an
 * admin account, and events posted by really enrolled devices over /api/v1/events, so every
 * chart, table and report shows what was seeded here (SEEDED).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { HEARTBEAT_PATH } from '../../src/protocol/fleet';
import type { LogEventType } from '../../src/protocol/events';
import { startCollector } from '../../server/src/start-collector';
import { makeEvent, postEvents, questionData, request } from '../server/support';
import { enrollOverHttp } from '../support/enroll';
import { settingsFile } from '../support/help-point-settings';

export interface DashboardBackend {
  /** The dashboard's address, ending in /admin/. */
  url: string;
  admin: { email: string; password: string };
}

export const ADMIN = { email: 'admin@kommun.example', password: 'ett-langt-losenord-123' };
export const MUNICIPALITY = '0880';
export const HELP_POINTS = [
  { id: 'demo-bibliotek', name: 'Stadsbiblioteket' },
  { id: 'filial-norr', name: 'Biblioteket Norr' },
] as const;

/** What the fixture posts, so specs can check the figures they see. */
export const SEEDED = {
  /** Drop-in printing questions at demo-bibliotek in March 2026, and in the period before. */
  march: { code: 'printing-copying-scanning', count: 4 },
  february: { code: 'printing-copying-scanning', count: 2 },
  /** Skatteverket questions in the last days: most with no e-legitimation, one "language". */
  agency: { total: 7, noEid: 6, language: 1 },
};

const at = (iso: string) => ({ occurredAt: iso, minute: iso.slice(0, 16) + 'Z' });

function question(
  source: { helpPointId: string; deviceId: string },
  when: string,
  fields: Record<string, unknown>,
  count = 1,
) {
  const time = at(when);
  const data = {
    ...(questionData([SEEDED.march.code], count) as Record<string, unknown>),
    helpedAt: time.minute,
    ...fields,
  };
  return makeEvent(source, 'question', { occurredAt: time.occurredAt, data });
}

async function post(url: string, token: string, events: unknown[]) {
  const answer = await postEvents(url, token, { events });
  if (answer.status !== 200)
    throw new Error(`events refused: ${answer.status} ${JSON.stringify(answer.body)}`);
}

export const test = base.extend<object, { dashboard: DashboardBackend }>({
  dashboard: [
    // Playwright reads fixture dependencies from the destructuring pattern, so it must be `{}`.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const collector = await startCollector({
        dataDir: 'memory://',
        rateLimit: false,
        dashboard: { loginLimits: false },
      });
      try {
        for (const helpPoint of HELP_POINTS) {
          await collector.helpPoints.set(
            helpPoint.id,
            settingsFile(helpPoint.id, {
              helpPointName: helpPoint.name,
              agencyHours: [{ agency: 'skatteverket', days: ['tue'], from: '14:00', to: '16:00' }],
            }),
          );
          await collector.helpPoints.setMunicipality(helpPoint.id, MUNICIPALITY);
        }
        await collector.addAccount({ ...ADMIN, role: 'admin', municipalityCode: MUNICIPALITY });
        const enroll = (helpPointId: string, role: 'kiosk' | 'staff') =>
          enrollOverHttp(collector, {
            helpPointId,
            role,
            municipalityCode: MUNICIPALITY,
            kioskUrl: 'http://127.0.0.1:4173/',
          });
        const kiosk = await enroll('demo-bibliotek', 'kiosk');
        const staff = await enroll('demo-bibliotek', 'staff');
        const norr = await enroll('filial-norr', 'kiosk');

        // Questions in March 2026 and in the 29 days before (the spec's comparison period).
        await post(collector.url, staff.token, [
          question(staff, '2026-03-10T10:15:00.000Z', { channel: 'drop-in' }, SEEDED.march.count),
          question(
            staff,
            '2026-02-10T10:15:00.000Z',
            { channel: 'drop-in' },
            SEEDED.february.count,
          ),
        ]);
        // Recent activity of every kind, in the default period (the last 30 days).
        const today = new Date(Date.now() - 60 * 60_000).toISOString();
        const skatteverket = (obstacles: string[]) =>
          question(staff, today, { agency: 'skatteverket', obstacles, channel: 'drop-in' });
        await post(collector.url, staff.token, [
          ...Array.from({ length: SEEDED.agency.noEid }, () => skatteverket(['no-e-legitimation'])),
          skatteverket(['language']),
        ]);
        const types: LogEventType[] = [
          'visit',
          'visit',
          'errand-viewed',
          'lesson',
          'course-session',
          'tech-tried',
        ];
        await post(
          collector.url,
          kiosk.token,
          types.map((type) => makeEvent(kiosk, type, { occurredAt: today })),
        );
        await post(collector.url, norr.token, [makeEvent(norr, 'visit', { occurredAt: today })]);
        // Two heartbeats with a growing queue: the devices screen warns in words.
        for (const queueDepth of [2, 42]) {
          const beat = await request(collector.url, HEARTBEAT_PATH, {
            token: kiosk.token,
            body: JSON.stringify({
              appVersion: '0.1.0',
              queueDepth,
              deadLetters: 0,
              storagePersisted: true,
            }),
            headers: { 'content-type': 'application/json' },
          });
          if (beat.status !== 204) throw new Error(`heartbeat refused: ${beat.status}`);
        }
        await use({ url: `${collector.url}/admin/`, admin: ADMIN });
      } finally {
        await collector.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect };
export type { Page };

/** Opens the dashboard in a language (saved before the app starts) and logs in as the admin. */
export async function logIn(page: Page, dashboard: DashboardBackend, language: 'sv' | 'en' = 'sv') {
  await page.addInitScript((lang) => localStorage.setItem('hp-dashboard-language', lang), language);
  await page.goto(dashboard.url);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.locator('input[name=email]').fill(dashboard.admin.email);
  await page.locator('input[name=password]').fill(dashboard.admin.password);
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('nav')).toBeVisible();
}

/** Presses Tab until the locator has focus (the keyboard-only flow; fails after `limit`). */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((node) => node === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}
