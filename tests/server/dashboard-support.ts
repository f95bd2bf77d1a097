/**
 * Shared by the dashboard API tests: logging in over loopback and calling /admin/api with the
 * session cookie and (on changes) the CSRF token, as the dashboard in a browser does.
 */
import type { RunningCollector } from '../../server/src/start-collector';
import { request, uniqueHelpPoint, type HttpAnswer } from './support';

export const KIOSK_URL = 'http://127.0.0.1:4173';
/** Long enough for the password policy; the tests' accounts all share it. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface Session {
  cookie: string;
  csrfToken: string;
}

/** The hp_session=<id> pair from a Set-Cookie header, or null. */
export function sessionCookie(answer: HttpAnswer): string | null {
  const header = answer.headers.get('set-cookie') ?? '';
  const match = /(?:^|,\s*)(hp_session=[^;]*)/.exec(header);
  return match?.[1] ?? null;
}

export async function login(
  baseUrl: string,
  email: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const answer = await request(baseUrl, '/admin/api/login', {
    body: JSON.stringify({ email, password }),
    headers: { 'content-type': 'application/json' },
  });
  const cookie = sessionCookie(answer);
  if (answer.status !== 200 || !cookie) throw new Error(`login failed: ${answer.status}`);
  return { cookie, csrfToken: (answer.body as { csrfToken: string }).csrfToken };
}

/** A call with the session's cookie; a change carries its CSRF token unless csrf is false. */
export function call(
  baseUrl: string,
  path: string,
  session: Session | null,
  init: { method?: string; body?: unknown; csrf?: boolean | string } = {},
): Promise<HttpAnswer> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (session && method !== 'GET' && init.csrf !== false) {
    headers['x-csrf-token'] = typeof init.csrf === 'string' ? init.csrf : session.csrfToken;
  }
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return request(baseUrl, path, {
    method,
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** A help point (made by an enrollment code, as in the field) placed in a municipality. */
export async function helpPointIn(
  collector: RunningCollector,
  municipalityCode: string,
  prefix = 'hp',
): Promise<string> {
  const helpPointId = uniqueHelpPoint(prefix);
  await collector.enroll({ helpPointId, helpPointName: helpPointId, kioskUrl: KIOSK_URL });
  await collector.helpPoints.setMunicipality(helpPointId, municipalityCode);
  return helpPointId;
}

let emails = 0;
export function uniqueEmail(who: string): string {
  emails += 1;
  return `${who}.${emails}.${uniqueHelpPoint('x').slice(2, 10)}@kommun.example`;
}
