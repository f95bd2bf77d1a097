/**
 * The statistics routes over a real store (PGlite and PostgreSQL): the documented Digidel and
 * KB examples come out exactly as docs/exports.md shows them, every view's export round-trips
 * in all three formats, comparisons give two series, and bad input or another municipality's
 * help point get a clear 4xx.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEW_IDS, type ViewResponse } from '../../src/protocol/dashboard';
import { parseCsv } from '../../server/src/dashboard/statistics/export-format';
import type { CollectorStore } from '../../server/src/store/collector-store';
import { openStore } from '../../server/src/store/open-store';
import { documentedExample, fakeAccess, statisticsApp } from './statistics-support';
import { makeEvent, questionData, SETUP_TIMEOUT_MS, STORE_CASES } from './support';

const DOCS = readFileSync(new URL('../../docs/exports.md', import.meta.url), 'utf8');
const HP = 'bibliotek-centrum';
const OTHER = 'bibliotek-norr';
const FOREIGN = 'goteborg-stadsbibliotek';

const ACCOUNTS = {
  admin: {
    id: 'a',
    email: 'a@x.se',
    role: 'admin' as const,
    municipalityCode: '0180',
    helpPointIds: [],
  },
  manager: {
    id: 'm',
    email: 'm@x.se',
    role: 'manager' as const,
    municipalityCode: '0180',
    helpPointIds: [OTHER],
  },
};
const HELP_POINTS = [
  { id: HP, name: 'Centrumbiblioteket', municipalityCode: '0180' },
  { id: OTHER, name: 'Norrbiblioteket', municipalityCode: '0180' },
  { id: FOREIGN, name: 'Stadsbiblioteket', municipalityCode: '1480' },
];

async function seed(store: CollectorStore) {
  const staff = uuidv7();
  const kiosk = uuidv7();
  await store.devices.create({ id: staff, helpPointId: HP, role: 'staff', tokenHash: uuidv7() });
  await store.devices.create({ id: kiosk, helpPointId: HP, role: 'kiosk', tokenHash: uuidv7() });
  const source = { helpPointId: HP, deviceId: staff };
  const q = (over: object, recordId = uuidv7()) =>
    makeEvent(source, 'question', {
      data: { ...(questionData(['other'], 1, recordId) as object), ...over },
    });
  const withdrawn = uuidv7();
  const corrected = uuidv7();
  const first = [
    q({
      helpedAt: '2026-03-29T08:15Z',
      helpedWith: ['e-legitimation', 'public-authority-errand'],
      area: 'public-authority',
      agency: 'skatteverket',
      errandId: 'deklarera',
      timeSpent: '15-30',
      effort: 3,
      obstacles: ['no-e-legitimation'],
      outcome: 'referred',
      referredTo: 'agency',
      language: 'ar',
      channel: 'drop-in',
      postcodeArea: '752',
    }),
    q({
      helpedAt: '2026-03-29T12:40Z',
      helpedWith: ['printing-copying-scanning'],
      area: 'everyday-digital',
      timeSpent: 'under-5',
      effort: 1,
      outcome: 'solved',
      language: 'sv',
      channel: 'drop-in',
      count: 6,
    }),
    q({ helpedAt: '2026-03-29T13:00Z', count: 4 }, withdrawn),
    q({ helpedAt: '2026-10-24T10:00Z', helpedWith: ['email-messaging'] }, corrected),
  ];
  await store.events.insert(first, new Date('2026-11-01T09:00Z'), staff);
  const later = [
    makeEvent(source, 'question-withdrawn', { data: { recordId: withdrawn } }),
    makeEvent(source, 'question', {
      // A correction is made after the version it corrects.
      occurredAt: new Date(Date.now() + 60_000).toISOString(),
      data: {
        ...(questionData(['healthcare-1177'], 1, corrected) as object),
        helpedAt: '2026-10-25T01:30Z',
        area: 'healthcare',
        agency: 'region-1177',
        timeSpent: '5-15',
        effort: 2,
        obstacles: ['e-service-hard'],
        outcome: 'solved',
        language: 'uk',
        channel: 'booked',
      },
    }),
  ];
  await store.events.insert(later, new Date('2026-11-01T09:31Z'), staff);
  const course = (heldAt: string, attendees: number, role: string, durationMinutes: number) =>
    makeEvent(source, 'course-session', {
      data: {
        topic: 'basic-internet',
        heldAt,
        attendees,
        newAttendees: 1,
        languages: ['sv'],
        role,
        durationMinutes,
      },
    });
  await store.events.insert(
    [
      course('2026-02-10T13:00Z', 8, 'volunteer', 90),
      course('2025-12-31T23:30Z', 4, 'staff', 120),
      course('2026-12-31T23:30Z', 5, 'staff', 60),
    ],
    new Date('2026-11-01T10:00Z'),
    staff,
  );
  const visit = makeEvent({ helpPointId: HP, deviceId: kiosk }, 'visit', {
    data: {
      startedAt: '2026-03-29T09:00Z',
      endedAt: '2026-03-29T09:05Z',
      language: 'ar',
      doors: ['anvanda'],
      ending: 'finished',
      feedback: 'yes',
    },
  });
  await store.events.insert([visit], new Date('2026-11-01T10:00Z'), kiosk);
}

describe.each(STORE_CASES)('statistics routes and exports on $name', (storeCase) => {
  let store: CollectorStore;
  let app: FastifyInstance;
  let teardown: () => Promise<void>;
  const get = (url: string, account: keyof typeof ACCOUNTS | null = 'admin') =>
    app.inject({ method: 'GET', url, headers: account ? { 'x-test-account': account } : {} });

  beforeAll(async () => {
    const setup = await storeCase.setup();
    teardown = setup.teardown;
    store = await openStore(setup.options);
    await seed(store);
    app = await statisticsApp(store, fakeAccess(ACCOUNTS, HELP_POINTS));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await app?.close();
    await store?.close();
    await teardown?.();
  });

  it('gives the documented Digidel example, exactly', async () => {
    const answer = await get(
      `/admin/api/exports/digidel?from=2026-01-01&to=2026-12-31&helpPoint=${HP}&format=csv`,
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('text/csv');
    expect(answer.headers['content-disposition']).toContain('attachment; filename="digidel-');
    expect(answer.body.replaceAll('\r\n', '\n')).toBe(documentedExample(DOCS, 'digidel-example'));
    expect(answer.body).toContain('\r\n');
  });

  it('gives the documented KB example, exactly, and the same figures as JSON', async () => {
    const csv = await get(`/admin/api/exports/kb-year?year=2026&helpPoint=${HP}&format=csv`);
    expect(csv.body.replaceAll('\r\n', '\n')).toBe(documentedExample(DOCS, 'kb-example'));
    const json = (
      await get(`/admin/api/exports/kb-year?year=2026&helpPoint=${HP}&format=json`)
    ).json();
    expect(json).toMatchObject({
      courseSessions: 2,
      courseParticipants: 12,
      courseHoursVolunteer: 1.5,
    });
    const excel = await get(`/admin/api/exports/kb-year?year=2026&helpPoint=${HP}`);
    expect(excel.body.startsWith('\uFEFFyear;field;value\r\n')).toBe(true);
    expect(excel.body).toContain('2026;courseHoursVolunteer;1,5\r\n');
  });

  it('round-trips every view export in all three formats', async () => {
    for (const view of VIEW_IDS) {
      const query = `from=2026-01-01&to=2026-12-31&compare=period&compareFrom=2026-03-29&compareTo=2026-03-29`;
      const answer = await get(`/admin/api/views/${view}?${query}`);
      expect(answer.statusCode).toBe(200);
      const response = answer.json() as ViewResponse;
      const expected = response.series.flatMap((s) =>
        s.rows.map((r) => [
          s.label,
          r.dims.metric,
          r.dims.code,
          r.dims.weekday ?? '',
          r.dims.hour ?? '',
          String(r.value),
        ]),
      );
      const pick = (rows: string[][]) =>
        rows.slice(1).map((r) => [r[0], r[4], r[5], r[6], r[7], r[8]]);
      const csv = await get(`/admin/api/views/${view}/export?${query}&format=csv`);
      expect(csv.body.startsWith('\uFEFF')).toBe(false);
      expect(pick(parseCsv(csv.body, ','))).toEqual(expected);
      const excel = await get(`/admin/api/views/${view}/export?${query}&format=csv-excel`);
      expect(excel.body.startsWith('\uFEFFseries;from;to;')).toBe(true);
      expect(excel.body.split('\r\n').length).toBe(expected.length + 2);
      expect(pick(parseCsv(excel.body, ';'))).toEqual(expected);
      const json = await get(`/admin/api/views/${view}/export?${query}&format=json`);
      expect(json.json()).toEqual(response);
    }
  });

  it('answers a view with its rules, and compares two help points', async () => {
    const answer = await get(
      `/admin/api/views/questions?from=2026-01-01&to=2026-12-31&helpPoint=${HP}&compare=help-point&compareHelpPoint=${OTHER}`,
    );
    const body = answer.json() as ViewResponse;
    expect(body.rules).toContain('corrections-apply');
    expect(body.series.map((s) => [s.label, s.total])).toEqual([
      ['Centrumbiblioteket', 8],
      ['Norrbiblioteket', 0],
    ]);
    const courses = (
      await get('/admin/api/views/courses?from=2026-01-01&to=2026-12-31&language=sv')
    ).json();
    expect(courses.ignoredFilters).toEqual(['language']);
    expect(courses.series[0].total).toBe(12);
  });

  it('refuses bad input with 400 and hides what the account may not see with 404', async () => {
    const bad = [
      '/admin/api/views/visits?from=2026-02-30&to=2026-03-01',
      '/admin/api/views/visits?from=2026-03-02&to=2026-03-01',
      '/admin/api/views/visits?from=2026-01-01&to=2026-12-31&channel=fax',
      '/admin/api/views/visits?from=2026-01-01&to=2026-12-31&compare=period',
      '/admin/api/views/visits?from=2026-01-01&to=2026-12-31&surprise=1',
      '/admin/api/views/visits?from=2000-01-01&to=2026-12-31',
      '/admin/api/views/visits?from=2026-01-01&from=2026-01-02&to=2026-12-31',
      '/admin/api/exports/kb-year?year=26',
      '/admin/api/exports/agency-feedback?agency=nasa&from=2026-01-01&to=2026-12-31',
    ];
    for (const url of bad) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(400);
      expect(answer.json().error.code).toBe('malformed-request');
    }
    expect((await get(`/admin/api/views/nonsense?from=2026-01-01&to=2026-01-02`)).statusCode).toBe(
      404,
    );
    const foreign = await get(
      `/admin/api/views/visits?from=2026-01-01&to=2026-12-31&helpPoint=${FOREIGN}`,
    );
    expect(foreign.statusCode).toBe(404);
    // A manager sees only its own help point.
    const manager = await get(
      `/admin/api/views/visits?from=2026-01-01&to=2026-12-31&helpPoint=${HP}`,
      'manager',
    );
    expect(manager.statusCode).toBe(404);
    const own = (
      await get('/admin/api/views/visits?from=2026-01-01&to=2026-12-31', 'manager')
    ).json();
    expect(own.series[0].helpPointIds).toEqual([OTHER]);
    expect(
      (await get('/admin/api/views/visits?from=2026-01-01&to=2026-12-31', null)).statusCode,
    ).toBe(401);
  });

  it('shows an agency report of one visitor as "<3" and nothing more', async () => {
    const answer = await get(
      '/admin/api/exports/agency-feedback?agency=skatteverket&from=2026-01-01&to=2026-12-31&format=json',
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.json().rows).toEqual([{ section: 'total', code: '', value: '<3' }]);
    const csv = await get(
      '/admin/api/exports/agency-feedback?agency=skatteverket&errand=deklarera&from=2026-01-01&to=2026-12-31',
    );
    expect(parseCsv(csv.body)).toEqual([
      ['agency', 'errand', 'from', 'to', 'section', 'code', 'value'],
      ['skatteverket', 'deklarera', '2026-01-01', '2026-12-31', 'total', '', '<3'],
    ]);
  });
});
