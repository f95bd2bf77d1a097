/**
 * Enrolls a device the way a kiosk does, for tests and benchmarks that need its token: the
 * collector makes a one-time code, and the code is exchanged once at POST /api/v1/enroll.
 */
import {
  ENROLL_FRAGMENT,
  ENROLL_PATH,
  decodeEnrollmentLink,
  enrollResponseSchema,
  type Enrollment,
  type EnrollmentLink,
} from '../../src/protocol/sync-api';
import type { RunningCollector } from '../../server/src/start-collector';

/** The collector URL and code an enrollment link carries. */
export function readEnrollmentLink(link: string): EnrollmentLink {
  const [, encoded = ''] = link.split(`#${ENROLL_FRAGMENT}`);
  const decoded = decodeEnrollmentLink(encoded);
  if (!decoded) throw new Error(`not an enrollment link: ${link}`);
  return decoded;
}

/** POST /api/v1/enroll with the link's code; the raw answer. */
export async function exchangeLink(link: string): Promise<Response> {
  const { collectorUrl, code } = readEnrollmentLink(link);
  return fetch(new URL(ENROLL_PATH, collectorUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
}

/** A new device's enrollment (with its token), made through a one-time code. */
export async function enrollOverHttp(
  collector: Pick<RunningCollector, 'enroll'>,
  input: Parameters<RunningCollector['enroll']>[0],
): Promise<Enrollment> {
  const { link } = await collector.enroll(input);
  const answer = await exchangeLink(link);
  if (!answer.ok) throw new Error(`enrollment exchange failed: ${answer.status}`);
  return enrollResponseSchema.parse(await answer.json()).enrollment;
}
