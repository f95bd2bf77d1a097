/**
 * The benchmark's event generator: realistic, schema-valid logs of a help point's day,
 * reproducible from a seed, for the COPY load, the ingest comparison and the outage.
 * About 60 logs a help point a day: kiosk visits with their doors, errands viewed, lessons,
 * Testa items, feedback, staff's question records (some corrected or withdrawn later), an
 * occasional course session and the devices' heartbeats.
 */
import { v7 as uuidv7 } from 'uuid';
import { readBuiltInCodes } from '../server/src/known-codes';
import type { LogEvent, LogEventType } from '../src/protocol/events';
import {
  AGENCIES,
  AREAS,
  CHANNELS,
  COURSE_TYPES,
  DOORS,
  ERRAND_CHOICES,
  FEEDBACK_ANSWERS,
  FEEDBACK_CONTEXTS,
  FOUND_BY,
  HELP_LANGUAGES,
  HELP_TOPICS,
  LANGUAGES,
  OBSTACLES,
  OUTCOMES,
  SCORE_BANDS,
  TESTA_DEMOS,
  TIME_SPENT,
} from '../src/protocol/vocabulary';

const CODES = readBuiltInCodes();
const TESTA_ITEMS = [...CODES.testaItems, ...TESTA_DEMOS];

/** mulberry32: a small, fast, seeded PRNG, so two runs generate the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HelpPointDevices {
  helpPointId: string;
  kioskId: string;
  staffId: string;
}

/** `bench-hp-007`-style ids; letters, not digit runs, are not needed: three digits pass. */
export function benchHelpPoint(index: number): HelpPointDevices {
  return {
    helpPointId: `bench-hp-${String(index).padStart(3, '0')}`,
    kioskId: uuidv7(),
    staffId: uuidv7(),
  };
}

const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

/** Makes one help point's events; `random` decides the mix, `at` the clock. */
export function createEventMaker(random: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const some = <T>(list: readonly T[], max: number): T[] => {
    const chosen = new Set<T>();
    const n = 1 + Math.floor(random() * max);
    for (let i = 0; i < n; i += 1) chosen.add(pick(list));
    return [...chosen];
  };
  const language = () => (random() < 0.6 ? 'sv' : pick(LANGUAGES));
  // Question records made today, so some can be corrected or withdrawn.
  let openRecords: { recordId: string; data: Record<string, unknown> }[] = [];

  function data(type: LogEventType, at: number): Record<string, unknown> {
    switch (type) {
      case 'visit':
        return {
          startedAt: minute(at - 600_000 * (1 + Math.floor(random() * 3))),
          endedAt: minute(at),
          language: language(),
          doors: some(DOORS, 2),
          ending: random() < 0.8 ? 'finished' : 'timed-out',
          feedback: random() < 0.5 ? pick(FEEDBACK_ANSWERS) : null,
        };
      case 'question': {
        const agency = random() < 0.5 ? pick(AGENCIES) : null;
        const record = {
          recordId: uuidv7({ msecs: at }),
          helpedWith: some(HELP_TOPICS, 2),
          area: random() < 0.7 ? pick(AREAS) : null,
          agency,
          errandId: agency && random() < 0.6 ? pick(CODES.errands) : null,
          timeSpent: pick(TIME_SPENT),
          effort: random() < 0.7 ? 1 + Math.floor(random() * 6) : null,
          obstacles: random() < 0.4 ? some(OBSTACLES, 2) : [],
          outcome: pick(OUTCOMES),
          referredTo: null,
          language: random() < 0.7 ? 'sv' : pick(HELP_LANGUAGES),
          channel: pick(CHANNELS),
          postcodeArea: random() < 0.5 ? String(100 + Math.floor(random() * 880)) : null,
          // A batch record (a catch-up entry) now and then.
          count: random() < 0.05 ? 2 + Math.floor(random() * 8) : 1,
          helpedAt: minute(at),
        };
        openRecords.push({ recordId: record.recordId, data: record });
        return record;
      }
      case 'lesson': {
        const stepsTotal = 4 + Math.floor(random() * 6);
        const stepsReached = Math.floor(random() * (stepsTotal + 1));
        return {
          lessonId: pick(CODES.lessons),
          stepsReached,
          stepsTotal,
          completed: stepsReached === stepsTotal,
          scoreBand: pick(SCORE_BANDS),
          language: language(),
        };
      }
      case 'course-session': {
        const attendees = 2 + Math.floor(random() * 12);
        return {
          topic: pick(COURSE_TYPES),
          heldAt: minute(at),
          attendees,
          newAttendees: Math.floor(random() * (attendees + 1)),
          languages: some(HELP_LANGUAGES, 2),
          role: random() < 0.6 ? 'volunteer' : 'staff',
        };
      }
      case 'errand-viewed':
        return {
          errandId: pick(CODES.errands),
          foundBy: pick(FOUND_BY),
          choice: pick(ERRAND_CHOICES),
          language: language(),
        };
      case 'tech-tried':
        return { itemId: pick(TESTA_ITEMS), language: language() };
      case 'feedback':
        return {
          answer: pick(FEEDBACK_ANSWERS),
          context: pick(FEEDBACK_CONTEXTS),
          language: language(),
        };
      case 'heartbeat':
        return { appVersion: '0.1.0', queueDepth: 0, deadLetters: 0, storagePersisted: true };
      case 'question-withdrawn':
        throw new Error('withdrawals are made from open records');
    }
  }

  /** One event of `type` at `at` (ms) by the help point's kiosk or staff device. */
  function event(hp: HelpPointDevices, type: LogEventType, at: number): LogEvent {
    const staff = type === 'question' || type === 'course-session';
    return {
      id: uuidv7({ msecs: at }),
      type,
      schemaVersion: 1,
      occurredAt: new Date(at).toISOString(),
      helpPointId: hp.helpPointId,
      deviceId: staff ? hp.staffId : hp.kioskId,
      data: data(type, at),
    } as LogEvent;
  }

  /** A correction (new version of an open record) or a withdrawal, by the staff device. */
  function amendment(hp: HelpPointDevices, at: number): LogEvent | null {
    const record = openRecords.length ? pick(openRecords) : null;
    if (!record) return null;
    const withdraw = random() < 0.4;
    openRecords = openRecords.filter((open) => open !== record);
    return {
      id: uuidv7({ msecs: at }),
      type: withdraw ? 'question-withdrawn' : 'question',
      schemaVersion: 1,
      occurredAt: new Date(at).toISOString(),
      helpPointId: hp.helpPointId,
      deviceId: hp.staffId,
      data: withdraw
        ? { recordId: record.recordId }
        : { ...record.data, outcome: pick(OUTCOMES), timeSpent: pick(TIME_SPENT) },
    } as LogEvent;
  }

  return { event, amendment, newDay: () => (openRecords = []) };
}

/** The mix of a day's ~60 logs (weights per type; questions include a few amendments). */
const DAY_MIX: [LogEventType, number][] = [
  ['visit', 18],
  ['errand-viewed', 12],
  ['question', 14],
  ['lesson', 6],
  ['tech-tried', 4],
  ['feedback', 4],
  ['heartbeat', 2],
];

/** One help point's day (UTC midnight `dayMs`): open 08:00–17:00 UTC, ~`perDay` events. */
export function* helpPointDay(
  maker: ReturnType<typeof createEventMaker>,
  random: () => number,
  hp: HelpPointDevices,
  dayMs: number,
  perDay: number,
): Generator<LogEvent> {
  maker.newDay();
  const total = DAY_MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const times: [LogEventType | 'amend', number][] = [];
  for (const [type, weight] of DAY_MIX) {
    const n = Math.round((perDay * weight) / total + (random() - 0.5) * 4);
    for (let i = 0; i < n; i += 1)
      times.push([type, dayMs + 8 * 3_600_000 + random() * 9 * 3_600_000]);
  }
  if (random() < 0.3) times.push(['course-session', dayMs + 14 * 3_600_000]);
  for (let i = 0; i < 1 + Math.floor(random() * 2); i += 1)
    times.push(['amend', dayMs + 17.5 * 3_600_000]);
  times.sort((a, b) => a[1] - b[1]);
  for (const [type, at] of times) {
    const ms = Math.floor(at);
    const made = type === 'amend' ? maker.amendment(hp, ms) : maker.event(hp, type, ms);
    if (made) yield made;
  }
}
