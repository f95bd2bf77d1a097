/**
 * A STAND-IN for the collector's dashboard API (contract A/B/D), used only until the real
 * routes are merged: it serves the built dist-dashboard/ at /admin/ and answers /admin/api/...
 * in the contract's shapes, with a session cookie and a CSRF check on every change. The specs
 * reach it only through the `dashboard` fixture (dashboard-fixtures.ts); replacing that fixture
 * with a real collector (startCollector + seeded events + an admin account) is the one change
 * needed to run the same specs against the real thing.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const FAKE_ADMIN = { email: 'admin@kommun.example', password: 'ett-langt-losenord-123' };
const SESSION = 'fake-session-id';
const CSRF = 'fake-csrf-token';
const HELP_POINTS = [
  { id: 'demo-bibliotek', name: 'Stadsbiblioteket', municipalityCode: '0880' },
  { id: 'filial-norr', name: 'Biblioteket Norr', municipalityCode: '0880' },
];

/** The CSP ACCESS (A) serves /admin/ with (server/src/dashboard/static.ts on dash-access), so a
 * page that breaks it fails here already. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Rows per view; values depend on the period and help point so a comparison differs. */
function rowsFor(view: string, seed: number) {
  const keys: Record<string, string[]> = {
    visits: ['lara', 'anvanda', 'testa'],
    questions: ['bankid', 'email', 'digital-mail', 'payments'],
    errands: ['search', 'category', 'suggestion'],
    learning: ['started', 'completed'],
    courses: ['sessions', 'participants', 'new-participants', 'volunteer-hours'],
    'help-requests': ['requests', 'answered-within-5-min'],
    postcodes: ['392', '393', '394'],
  };
  if (view === 'busy-hours') {
    return [1, 2, 3].flatMap((weekday, d) =>
      [10, 11, 12].map((hour, h) => ({
        key: `visitors:${d + 1}-${hour}`,
        dims: { metric: 'visitors', weekday: String(d + 1), hour: String(hour) },
        value: ((seed + d * 3 + h) % 7) + 1,
      })),
    );
  }
  return (keys[view] ?? []).map((code, index) => ({
    key: `count:${code}`,
    dims: { metric: 'count', code },
    value: ((seed + index * 5) % 11) + (index === 0 ? 12 : 1),
  }));
}

function series(view: string, from: string, to: string, helpPoint: string | null) {
  const seed = [...`${from}${helpPoint ?? ''}`].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 13;
  const rows = rowsFor(view, seed);
  const name = HELP_POINTS.find((h) => h.id === helpPoint)?.name;
  return {
    label: name ? `${name}, ${from} – ${to}` : `${from} – ${to}`,
    from,
    to,
    helpPointIds: helpPoint ? [helpPoint] : HELP_POINTS.map((h) => h.id),
    total: rows.reduce((sum, row) => sum + row.value, 0),
    rows,
  };
}

function viewAnswer(view: string, q: URLSearchParams) {
  const from = q.get('from') ?? '2026-01-01';
  const to = q.get('to') ?? '2026-01-31';
  const first = series(view, from, to, q.get('helpPoint'));
  const all = [first];
  if (q.get('compare') === 'period')
    all.push(
      series(view, q.get('compareFrom') ?? from, q.get('compareTo') ?? to, q.get('helpPoint')),
    );
  if (q.get('compare') === 'help-point')
    all.push(series(view, from, to, q.get('compareHelpPoint')));
  return {
    view,
    rules: ['stockholm-day', 'corrections-apply', 'questions-not-visitors'],
    ignoredFilters: view === 'courses' && q.get('language') ? ['language'] : [],
    series: all,
  };
}

function csv(answer: ReturnType<typeof viewAnswer>, excel: boolean) {
  const sep = excel ? ';' : ',';
  // The columns of STATS (B)'s view export.
  const lines = [['series', 'from', 'to', 'metric', 'code', 'weekday', 'hour', 'value'].join(sep)];
  for (const s of answer.series)
    for (const row of s.rows) {
      const d = row.dims as Record<string, string | undefined>;
      const cells = [s.label, s.from, s.to, d.metric, d.code, d.weekday, d.hour, row.value];
      lines.push(cells.map((v) => v ?? '').join(sep));
    }
  return (excel ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

const devices = [
  {
    id: 'dev-kiosk-1',
    name: 'Kiosken vid entrén',
    helpPointId: 'demo-bibliotek',
    role: 'kiosk',
    lastSeenAt: '2026-03-02T09:00:00Z',
    heartbeat: { appVersion: '0.1.0', queueDepth: 42, storagePersisted: false },
    warnings: ['queue-growing', 'storage-not-persistent'],
  },
  {
    id: 'dev-staff-1',
    name: null,
    helpPointId: 'demo-bibliotek',
    role: 'staff',
    lastSeenAt: null,
    heartbeat: null,
    warnings: [],
  },
];

const settings = {
  current: {
    version: 2,
    config: {
      helpPointId: 'demo-bibliotek',
      helpPointName: 'Stadsbiblioteket',
      ownerName: 'Exempels kommun',
      deskLocation: { sv: 'Informationsdisken', en: 'The information desk' },
      staffedHours: [{ days: ['mon', 'tue'], from: '10:00', to: '16:00' }],
      agencyHours: [{ agency: 'skatteverket', days: ['tue'], from: '14:00', to: '16:00' }],
      idleSeconds: 90,
      warningSeconds: 60,
      eServiceIdleMinutes: 15,
    },
    localCatalogue: null,
    localLessons: null,
    pinSet: true,
  },
  versions: [
    {
      version: 2,
      publishedBy: 'admin@kommun.example',
      publishedAt: '2026-03-01T10:00:00Z',
      appliedBy: [{ id: 'dev-kiosk-1', name: 'Kiosken vid entrén' }],
    },
    { version: 1, publishedBy: null, publishedAt: '2026-02-01T10:00:00Z', appliedBy: [] },
  ],
};

const accounts = [
  { id: 'a1', email: FAKE_ADMIN.email, role: 'admin', municipalityCode: '0880', helpPointIds: [] },
  {
    id: 'a2',
    email: 'lasare@kommun.example',
    role: 'viewer',
    municipalityCode: '0880',
    helpPointIds: [],
  },
];

function send(
  response: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const error = (code: string, message: string) => ({ error: { code, message } });

async function api(request: IncomingMessage, response: ServerResponse, url: URL, log: string[]) {
  const path = url.pathname.replace('/admin/api', '');
  const method = request.method ?? 'GET';
  log.push(`${method} ${path}`);
  const loggedIn = (request.headers.cookie ?? '').includes(`hp_session=${SESSION}`);
  if (method === 'POST' && path === '/login') {
    const body = await readBody(request);
    if (body.email !== FAKE_ADMIN.email || body.password !== FAKE_ADMIN.password)
      return send(response, 401, error('unauthorized', 'Wrong email or password'));
    return send(
      response,
      200,
      { account: accounts[0], csrfToken: CSRF },
      {
        'set-cookie': `hp_session=${SESSION}; HttpOnly; SameSite=Strict; Path=/admin`,
      },
    );
  }
  if (!loggedIn) return send(response, 401, error('unauthorized', 'Log in'));
  if (method !== 'GET' && request.headers['x-csrf-token'] !== CSRF)
    return send(response, 403, error('csrf', 'Missing CSRF token'));
  if (path === '/me')
    return send(response, 200, {
      account: accounts[0],
      csrfToken: CSRF,
      municipality: { code: '0880', name: 'Kalmar' },
      helpPoints: HELP_POINTS,
    });
  if (path === '/logout')
    return send(response, 204, undefined, { 'set-cookie': 'hp_session=; Max-Age=0; Path=/admin' });
  const view = /^\/views\/([a-z-]+)(\/export)?$/.exec(path);
  if (view?.[1]) {
    const answer = viewAnswer(view[1], url.searchParams);
    if (!view[2]) return send(response, 200, answer);
    const format = url.searchParams.get('format');
    if (format === 'json')
      return send(response, 200, answer, {
        'content-disposition': `attachment; filename="${view[1]}.json"`,
      });
    return send(response, 200, csv(answer, format === 'csv-excel'), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${view[1]}.csv"`,
    });
  }
  if (path === '/exports/agency-feedback')
    return send(response, 200, {
      agency: url.searchParams.get('agency'),
      errand: null,
      from: url.searchParams.get('from'),
      to: url.searchParams.get('to'),
      rows: [
        { section: 'total', code: '', value: 20 },
        { section: 'obstacle', code: 'no-eid', value: 12 },
        { section: 'obstacle', code: 'other', value: '<3' },
        { section: 'obstacle', code: 'forgot-password', value: 'suppressed' },
      ],
      rules: ['small-cells-suppressed'],
    });
  if (path === '/devices') return send(response, 200, { devices });
  if (path === '/enrollments')
    return send(response, 200, {
      link: 'http://127.0.0.1:4173/#enroll=fake-code',
      expiresAt: '2026-03-03T10:00:00Z',
      qrSvg:
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="2" height="2"/></svg>',
    });
  if (/^\/devices\/[^/]+\/(name|revoke)$/.test(path)) return send(response, 204);
  if (/^\/help-points\/[^/]+\/settings$/.test(path))
    return send(response, method === 'GET' ? 200 : 204, method === 'GET' ? settings : undefined);
  if (/^\/help-points\/[^/]+\/(settings\/rollback|pin)$/.test(path)) return send(response, 204);
  if (path === '/accounts')
    return method === 'GET' ? send(response, 200, { accounts }) : send(response, 201, accounts[1]);
  if (/^\/accounts\/[^/]+$/.test(path)) return send(response, 204);
  return send(response, 404, error('not-found', 'No such route'));
}

export interface FakeDashboardApi {
  url: string;
  /** Every API call made, "METHOD /path", for assertions on what the UI asked. */
  log: string[];
  close(): Promise<void>;
}

export async function startFakeDashboardApi(root = 'dist-dashboard'): Promise<FakeDashboardApi> {
  const base = resolve(root);
  const log: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/admin/api/')) {
      api(request, response, url, log).catch(() =>
        send(response, 400, error('bad-request', 'Bad request')),
      );
      return;
    }
    const relative = normalize(url.pathname.replace(/^\/admin\/?/, '')) || 'index.html';
    const file = join(base, relative === '.' ? 'index.html' : relative);
    stat(file).then(
      (info) => {
        const target = info.isDirectory() ? join(file, 'index.html') : file;
        response.writeHead(200, {
          'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
          'content-security-policy': CSP,
        });
        createReadStream(target).pipe(response);
      },
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/admin/`,
    log,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
