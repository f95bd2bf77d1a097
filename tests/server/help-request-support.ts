/**
 * Shared by the help-request and tally tests: one collector per store case with a movable
 * clock (the collector's `now` option), enrolled help points, and the HTTP calls a kiosk and
 * a staff tablet make.
 */
import { afterAll, beforeAll } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  HELP_REQUESTS_PATH,
  TALLY_PATH,
  helpRequestListSchema,
  helpRequestResponseSchema,
  type HelpRequest,
  type HelpRequestCreate,
} from '../../src/protocol/help-requests';
import { startCollector, type RunningCollector } from '../../server/src/start-collector';
import { enrollOverHttp } from '../support/enroll';
import {
  LENIENT_RATE_LIMITS,
  SETUP_TIMEOUT_MS,
  request,
  uniqueHelpPoint,
  type HttpAnswer,
  type StoreCase,
  type StoreSetup,
} from './support';

export const ADMIN_TOKEN = 'help-requests-test-admin-token-32-chars-at-least';
const KIOSK_URL = 'http://127.0.0.1:4173';
const JSON_TYPE = { 'content-type': 'application/json' };

export interface Device {
  token: string;
  deviceId: string;
}

export const newRequest = (overrides: Partial<HelpRequestCreate> = {}): HelpRequestCreate => ({
  id: uuidv7(),
  language: 'ar',
  errandId: 'deklarera',
  ...overrides,
});

/** The request of a create, accept or close answer (checked against the shared schema). */
export const requestOf = (answer: HttpAnswer): HelpRequest =>
  helpRequestResponseSchema.parse(answer.body).request;
export const requestsOf = (answer: HttpAnswer): HelpRequest[] =>
  helpRequestListSchema.parse(answer.body).requests;

const auth = (token: string | undefined) => (token === undefined ? {} : { token });

/** Starts a collector for the describe block it is called in; the handle is live in tests. */
export function useCollector(storeCase: StoreCase) {
  let setup: StoreSetup;
  let collector: RunningCollector;
  let clockOffsetMs = 0;

  beforeAll(async () => {
    setup = await storeCase.setup();
    collector = await startCollector({
      port: 0,
      ...setup.options,
      adminToken: ADMIN_TOKEN,
      rateLimit: LENIENT_RATE_LIMITS,
      now: () => new Date(Date.now() + clockOffsetMs),
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await collector?.close();
    await setup?.teardown();
  });

  const handle = {
    get url() {
      return collector.url;
    },
    async enroll(helpPointId: string, role: 'kiosk' | 'staff'): Promise<Device> {
      const enrollment = await enrollOverHttp(collector, {
        helpPointId,
        kioskUrl: KIOSK_URL,
        role,
      });
      return { token: enrollment.token, deviceId: enrollment.deviceId };
    },
    /** A new help point with one kiosk and one staff tablet. */
    async helpPoint(prefix = 'req') {
      const helpPointId = uniqueHelpPoint(prefix);
      return {
        helpPointId,
        kiosk: await handle.enroll(helpPointId, 'kiosk'),
        staff: await handle.enroll(helpPointId, 'staff'),
      };
    },
    ask: (token: string | undefined, body: unknown, headers: Record<string, string> = JSON_TYPE) =>
      request(collector.url, HELP_REQUESTS_PATH, {
        ...auth(token),
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers,
      }),
    list: (token: string | undefined) => request(collector.url, HELP_REQUESTS_PATH, auth(token)),
    act: (token: string | undefined, id: string, action: string) =>
      request(collector.url, `${HELP_REQUESTS_PATH}/${id}/${action}`, {
        method: 'POST',
        ...auth(token),
      }),
    tally: (token: string | undefined, query: string) =>
      request(collector.url, `${TALLY_PATH}?${query}`, auth(token)),
    revoke: (deviceId: string) =>
      request(collector.url, `/api/v1/admin/devices/${deviceId}/revoke`, {
        method: 'POST',
        token: ADMIN_TOKEN,
      }),
    /** Runs fn with the collector's help-request clock moved by offsetMs. */
    async at<T>(offsetMs: number, fn: () => Promise<T>): Promise<T> {
      clockOffsetMs = offsetMs;
      try {
        return await fn();
      } finally {
        clockOffsetMs = 0;
      }
    },
  };
  return handle;
}
