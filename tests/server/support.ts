/**
 * Shared by the collector tests: the two stores every integration test runs against, valid
 * events built with the real schema, and small HTTP helpers over loopback.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { v7 as uuidv7 } from 'uuid';
import { logEventSchema, type LogEvent, type LogEventType } from '../../src/protocol/events';
import { EVENTS_PATH } from '../../src/protocol/sync-api';
import type { CollectorOptions } from '../../server/src/start-collector';

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** PGlite and the collectors start slowly on two cores: give hooks room. */
export const SETUP_TIMEOUT_MS = 60_000;

export interface StoreSetup {
  options: Pick<CollectorOptions, 'dataDir' | 'databaseUrl'>;
  teardown(): Promise<void>;
}

export interface StoreCase {
  name: 'pglite' | 'postgres';
  /** persistent: a data directory PGlite can be reopened from (else in memory). */
  setup(persistent?: boolean): Promise<StoreSetup>;
}

/**
 * A fresh schema per call, selected through the URL's search_path (postgres.js passes it
 * on as a connection setting). If PostgreSQL is unreachable this throws: the tests fail.
 */
export async function createPostgresSchema(): Promise<StoreSetup & { databaseUrl: string }> {
  const schema = `hp_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  await admin.unsafe(`CREATE SCHEMA ${schema}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('search_path', schema);
  const databaseUrl = url.toString();
  return {
    databaseUrl,
    options: { databaseUrl },
    async teardown() {
      await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export const STORE_CASES: StoreCase[] = [
  {
    name: 'pglite',
    async setup(persistent = false) {
      if (!persistent) return { options: { dataDir: 'memory://' }, teardown: async () => {} };
      const dir = mkdtempSync(join(tmpdir(), 'hp-collector-'));
      return {
        options: { dataDir: join(dir, 'db') },
        teardown: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  { name: 'postgres', setup: () => createPostgresSchema() },
];

/**
 * For tests that enroll many devices from one address: the exchanges are unauthenticated
 * requests, which the default limit (60 a minute per address) would soon stop.
 */
export const LENIENT_RATE_LIMITS = {
  device: { max: 600, timeWindowMs: 60_000 },
  address: { max: 100_000, timeWindowMs: 60_000 },
};

const minute = (date = new Date()) => date.toISOString().slice(0, 16) + 'Z';

/** A valid `data` for every event type. */
export function sampleData(type: LogEventType): unknown {
  switch (type) {
    case 'visit':
      return {
        startedAt: minute(),
        endedAt: minute(),
        language: 'sv',
        doors: ['lara'],
        ending: 'finished',
        feedback: 'yes',
      };
    case 'question':
      return questionData(['printing-copying-scanning'], 1);
    case 'question-withdrawn':
      return { recordId: uuidv7() };
    case 'lesson':
      return {
        lessonId: 'email',
        stepsReached: 3,
        stepsTotal: 5,
        completed: false,
        scoreBand: 'mid',
        language: 'fi',
      };
    case 'course-session':
      return {
        topic: 'e-legitimation-course',
        heldAt: minute(),
        attendees: 8,
        newAttendees: 3,
        languages: ['sv', 'ar'],
        role: 'volunteer',
      };
    case 'errand-viewed':
      return { errandId: 'deklarera', foundBy: 'search', choice: 'staff', language: 'so' };
    case 'tech-tried':
      return { itemId: 'e-reader', language: 'uk' };
    case 'feedback':
      return { answer: 'partly', context: 'visit', language: 'ti' };
    case 'heartbeat':
      return { appVersion: '0.1.0', queueDepth: 2, deadLetters: 0, storagePersisted: true };
  }
}

export function questionData(helpedWith: string[], count: number, recordId = uuidv7()): unknown {
  return {
    recordId,
    helpedWith,
    area: null,
    agency: null,
    errandId: null,
    timeSpent: '5-15',
    effort: 2,
    obstacles: [],
    outcome: 'solved',
    referredTo: null,
    language: 'sv',
    channel: 'drop-in',
    postcodeArea: null,
    count,
    helpedAt: minute(),
  };
}

/** Where an event is made: a help point id (and a random device), or an enrolled device. */
export type EventSource = string | { helpPointId: string; deviceId: string };

/**
 * A valid event (checked against the shared schema, so a broken helper fails loudly). The
 * collector stores only a device's own events, so pass the enrolled device to have it stored.
 */
export function makeEvent(
  source: EventSource,
  type: LogEventType = 'feedback',
  overrides: { data?: unknown; deviceId?: string; occurredAt?: string } = {},
): LogEvent {
  const helpPointId = typeof source === 'string' ? source : source.helpPointId;
  const deviceId = typeof source === 'string' ? undefined : source.deviceId;
  return logEventSchema.parse({
    id: uuidv7(),
    schemaVersion: 1,
    occurredAt: overrides.occurredAt ?? new Date().toISOString(),
    helpPointId,
    deviceId: overrides.deviceId ?? deviceId ?? uuidv7(),
    type,
    data: overrides.data ?? sampleData(type),
  });
}

/** A help point id no other test uses, so tests can share one collector. */
export function uniqueHelpPoint(prefix = 'hp'): string {
  // Letters only: a code may not hold a run of six digits (it could be a personal number).
  const letters = randomBytes(8)
    .toString('hex')
    .replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)] ?? 'g');
  return `${prefix}-${letters}`;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function request(
  baseUrl: string,
  path: string,
  init: { method?: string; token?: string; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the assertion on body will say so.
  }
  return { status: response.status, headers: response.headers, body };
}

/** POST a JSON text (or value) to the events endpoint. */
export function postEvents(
  baseUrl: string,
  token: string | undefined,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<HttpAnswer> {
  return request(baseUrl, EVENTS_PATH, {
    ...(token === undefined ? {} : { token }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers,
  });
}
