/**
 * The device's half of enrollment: POST the one-time code to the collector the link names,
 * once, and read the answer. Plain TypeScript (no storage, no React), so every answer is
 * tested without a browser. The enrollment kept is the one the collector answers, with the
 * link's collector URL: the one staff saw (and, on re-enrollment, confirmed).
 */
import {
  ENROLL_PATH,
  ERROR_CODES,
  enrollResponseSchema,
  errorResponseSchema,
  type Enrollment,
  type EnrollmentLink,
} from '../protocol/sync-api';

export type ExchangeOutcome =
  | { kind: 'enrolled'; enrollment: Enrollment }
  /** 410: the link was opened before (on this device or another). */
  | { kind: 'used' }
  /** 410: the link is older than its lifetime (24 hours by default). */
  | { kind: 'expired' }
  /** 404: the collector never made this code; 400 and anything unreadable count as this too. */
  | { kind: 'refused' }
  /** No answer, or one to try again (5xx, 429): keep the code and try when online. */
  | { kind: 'unreachable' };

export async function exchangeCode(
  link: EnrollmentLink,
  fetchImpl: typeof fetch = fetch,
): Promise<ExchangeOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(new URL(ENROLL_PATH, link.collectorUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: link.code }),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.status >= 500 || response.status === 429) return { kind: 'unreachable' };
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = enrollResponseSchema.safeParse(body);
    if (!parsed.success) return { kind: 'refused' };
    return {
      kind: 'enrolled',
      enrollment: { ...parsed.data.enrollment, collectorUrl: link.collectorUrl },
    };
  }
  const code = errorResponseSchema.safeParse(body).data?.error.code;
  if (response.status === 410 && code === ERROR_CODES.enrollmentCodeExpired) {
    return { kind: 'expired' };
  }
  if (response.status === 410) return { kind: 'used' };
  return { kind: 'refused' };
}
