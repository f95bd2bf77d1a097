/**
 * fast-check generators for the property test: schema-valid events of every type (with the
 * collector's real content ids and times in its window), and hostile variants of them, each
 * with the rejection reason the collector must give (or null where any reason will do).
 */
import fc from 'fast-check';
import { LOG_EVENT_TYPES, logEventSchema, type LogEvent } from '../../src/protocol/events';
import { REJECTION_REASONS } from '../../src/protocol/sync-api';
import { TIME_WINDOW_START_MS } from '../../src/protocol/times';
import {
  AGENCIES,
  AREAS,
  CHANNELS,
  COURSE_ROLES,
  COURSE_TYPES,
  DOORS,
  EFFORT_LEVELS,
  ERRAND_CHOICES,
  FEEDBACK_ANSWERS,
  FEEDBACK_CONTEXTS,
  FOUND_BY,
  HELP_LANGUAGES,
  HELP_TOPICS,
  LANGUAGES,
  OBSTACLES,
  OUTCOMES,
  REFERRAL_TARGETS,
  SCORE_BANDS,
  SESSION_ENDINGS,
  TESTA_DEMOS,
  TIME_SPENT,
} from '../../src/protocol/vocabulary';
import { readBuiltInCodes } from '../../server/src/known-codes';

const HOUR = 3_600_000;
const codes = readBuiltInCodes();
/** Uniform, not biased towards small values: ids must not collide by accident (dupes are made on purpose). */
const eventId = () => fc.noBias(fc.uuid({ version: 7 }));

const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values);
const nullOr = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const subset = <T>(values: readonly T[], minLength = 0) =>
  fc.uniqueArray(oneOf(values), { minLength, maxLength: values.length });

/** A time in the window, as the collector sees it when the test runs (1 h of margin ahead). */
const inWindowMs = () => fc.integer({ min: TIME_WINDOW_START_MS, max: Date.now() + 23 * HOUR });
const minute = () => inWindowMs().map((ms) => new Date(ms).toISOString().slice(0, 16) + 'Z');
/** An instant, sometimes with 0–9 fraction digits rather than exactly 3: all are valid. */
const instant = () =>
  fc.tuple(inWindowMs(), fc.integer({ min: -1, max: 9 }), fc.nat()).map(([ms, digits, extra]) => {
    const iso = new Date(ms).toISOString();
    if (digits < 0) return iso;
    const fraction = (iso.slice(20, 23) + String(extra).padStart(6, '0')).slice(0, digits);
    return `${iso.slice(0, 19)}${digits === 0 ? '' : `.${fraction}`}Z`;
  });

const DATA = {
  visit: fc.record({
    startedAt: minute(),
    endedAt: minute(),
    language: oneOf(LANGUAGES),
    doors: subset(DOORS),
    ending: oneOf(SESSION_ENDINGS),
    feedback: nullOr(oneOf(FEEDBACK_ANSWERS)),
  }),
  question: fc.record({
    recordId: fc.uuid({ version: 7 }),
    helpedWith: subset(HELP_TOPICS, 1),
    area: nullOr(oneOf(AREAS)),
    agency: nullOr(oneOf(AGENCIES)),
    errandId: nullOr(oneOf(codes.errands)),
    timeSpent: oneOf(TIME_SPENT),
    effort: nullOr(oneOf(EFFORT_LEVELS)),
    obstacles: subset(OBSTACLES),
    outcome: oneOf(OUTCOMES),
    referredTo: nullOr(oneOf(REFERRAL_TARGETS)),
    language: oneOf(HELP_LANGUAGES),
    channel: oneOf(CHANNELS),
    postcodeArea: nullOr(fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'))),
    count: fc.integer({ min: 1, max: 200 }),
    helpedAt: minute(),
  }),
  'question-withdrawn': fc.record({ recordId: fc.uuid({ version: 7 }) }),
  lesson: fc.record({
    lessonId: oneOf(codes.lessons),
    stepsReached: fc.integer({ min: 0, max: 50 }),
    stepsTotal: fc.integer({ min: 1, max: 50 }),
    completed: fc.boolean(),
    scoreBand: oneOf(SCORE_BANDS),
    language: oneOf(LANGUAGES),
  }),
  'course-session': fc.record({
    topic: oneOf([...codes.lessons, ...COURSE_TYPES]),
    heldAt: minute(),
    attendees: fc.integer({ min: 0, max: 500 }),
    newAttendees: fc.integer({ min: 0, max: 500 }),
    languages: subset(HELP_LANGUAGES, 1),
    role: oneOf(COURSE_ROLES),
  }),
  'errand-viewed': fc.record({
    errandId: oneOf(codes.errands),
    foundBy: oneOf(FOUND_BY),
    choice: oneOf(ERRAND_CHOICES),
    language: oneOf(LANGUAGES),
  }),
  'tech-tried': fc.record({
    itemId: oneOf([...codes.testaItems, ...TESTA_DEMOS]),
    language: oneOf(LANGUAGES),
  }),
  feedback: fc.record({
    answer: oneOf(FEEDBACK_ANSWERS),
    context: oneOf(FEEDBACK_CONTEXTS),
    language: oneOf(LANGUAGES),
  }),
  heartbeat: fc.record({
    appVersion: fc
      .tuple(fc.nat(99), fc.nat(99), fc.nat(99), nullOr(fc.nat(99)))
      .map(([a, b, c, rc]) => `${a}.${b}.${c}${rc === null ? '' : `-rc.${rc}`}`),
    queueDepth: fc.integer({ min: 0, max: 10_000_000 }),
    deadLetters: fc.integer({ min: 0, max: 10_000_000 }),
    storagePersisted: nullOr(fc.boolean()),
  }),
} satisfies Record<LogEvent['type'], fc.Arbitrary<unknown>>;

/**
 * The device id every generated event carries: the test swaps in the enrolled kiosk's own
 * (an event under any other device id is refused as foreign-device).
 */
export const DEVICE_PLACEHOLDER = 'dddddddd-dddd-7ddd-8ddd-dddddddddddd';
/** Some other device's id, for the foreign-device variant. */
const FOREIGN_DEVICE = '01234567-89ab-7cde-8f01-23456789abcd';

/** A schema-valid event; checked against the real schema, so a wrong generator fails loudly. */
export function validEvent(helpPointId: string): fc.Arbitrary<LogEvent> {
  return oneOf(LOG_EVENT_TYPES).chain((type) =>
    fc
      .record({
        id: eventId(),
        occurredAt: instant(),
        deviceId: fc.constant(DEVICE_PLACEHOLDER),
        data: DATA[type],
      })
      .map((parts) => logEventSchema.parse({ ...parts, schemaVersion: 1, helpPointId, type })),
  );
}

/** What a hostile variant must get: a reason prefix, or null for "rejected, any reason". */
export interface Variant {
  event: unknown;
  id: string;
  expect: { status: 'accepted' } | { status: 'rejected'; reason: string | null };
}

const IMPOSSIBLE_MINUTES = [
  '2026-13-45T99:99Z',
  '9999-99-99T99:99Z',
  '2026-11-21T23:60Z',
  '2026-00-10T10:00Z',
  '2025-02-29T10:00Z',
  '0000-01-01T00:00Z',
  '2026-04-31T10:00Z',
  '2026-11-21T24:00Z',
];

/** Calendar-impossible minutes, fixed and generated (any field out of its range). */
const impossibleMinute = fc.oneof(
  oneOf(IMPOSSIBLE_MINUTES),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 13, max: 99 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${m}-${String(d).padStart(2, '0')}T10:00Z`),
  fc.integer({ min: 24, max: 99 }).map((h) => `2026-11-21T${h}:00Z`),
);
const impossibleInstant = fc.oneof(
  impossibleMinute.map((m) => `${m.slice(0, 16)}:00Z`),
  fc.integer({ min: 10, max: 300 }).map((n) => `2026-11-21T10:00:00.${'7'.repeat(n)}Z`),
  oneOf([
    '0000-01-01T00:00:00Z',
    '0000-02-29T12:00:00Z',
    '2026-11-21T10:00:60Z',
    '2026-11-21T10:00:00+01:00',
  ]),
);
const outOfWindowMs = fc.oneof(
  // 0001-01-01 (Date.UTC would read year 1 as 1901).
  fc.integer({ min: -62_135_596_800_000, max: TIME_WINDOW_START_MS - 1 }),
  fc.integer({ min: Date.now() + 25 * HOUR, max: Date.UTC(9999, 11, 31) }),
);
const unknownCode = fc.oneof(
  oneOf(['anna-andersson', '1912-12-12-1212', 'lars-svensson']),
  fc.stringMatching(/^[a-z]{1,12}(-[a-z]{1,8})?$/).map((slug) => `zz-${slug}`),
);
/** Text that can be no code, time or enum value: it always holds a non-ASCII character. */
const foreignString = fc
  .tuple(
    oneOf(['\u202e', 'Ä', '\u0000', '𝒜', 'ي', '\u2066']),
    fc.string({ unit: 'binary', maxLength: 40 }),
  )
  .map(([mark, rest]) => `${mark}${rest}`);
/** A value of a type no field has: no field holds an object or a list of numbers. */
const wrongType = fc.oneof(
  fc.constant({}),
  fc.constant({ nested: [null] }),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
);

const MINUTE_FIELD_OF: Partial<Record<LogEvent['type'], string>> = {
  visit: 'endedAt',
  question: 'helpedAt',
  'course-session': 'heldAt',
};
const CODE_FIELD_OF: Partial<Record<LogEvent['type'], string>> = {
  'errand-viewed': 'errandId',
  question: 'errandId',
  lesson: 'lessonId',
  'course-session': 'topic',
  'tech-tried': 'itemId',
};

type Mutation = (event: Record<string, unknown>, data: Record<string, unknown>) => string | null;
const R = REJECTION_REASONS;

/** Each mutation changes the event in place and says which reason it must get. */
const MUTATIONS: fc.Arbitrary<Mutation>[] = [
  impossibleInstant.map((t) => (e) => ((e.occurredAt = t), R.malformedTime)),
  outOfWindowMs.map(
    (ms) => (e) => ((e.occurredAt = new Date(ms).toISOString()), R.clockOutOfRange),
  ),
  impossibleMinute.map((t) => (e, d) => {
    const field = MINUTE_FIELD_OF[e.type as LogEvent['type']];
    if (!field) return ((e.occurredAt = `${t.slice(0, 16)}:00Z`), R.malformedTime);
    return ((d[field] = t), R.malformedTime);
  }),
  outOfWindowMs.map((ms) => (e, d) => {
    const field = MINUTE_FIELD_OF[e.type as LogEvent['type']];
    const iso = new Date(ms).toISOString();
    if (!field) return ((e.occurredAt = iso), R.clockOutOfRange);
    return ((d[field] = iso.slice(0, 16) + 'Z'), R.clockOutOfRange);
  }),
  unknownCode.map((code) => (e, d) => {
    const field = CODE_FIELD_OF[e.type as LogEvent['type']];
    if (!field) return ((e.type = 'errand-viewed'), null);
    return ((d[field] = code), R.unknownCode);
  }),
  fc.tuple(fc.nat(), wrongType).map(([n, value]) => (e, d) => {
    const keys = [
      ...Object.keys(e).filter((k) => k !== 'id' && k !== 'schemaVersion'),
      ...Object.keys(d).map((k) => `data.${k}`),
    ];
    const key = keys[n % keys.length] ?? 'type';
    if (key.startsWith('data.')) d[key.slice(5)] = value;
    else e[key] = value;
    return null;
  }),
  fc.tuple(fc.nat(), foreignString).map(([n, text]) => (e, d) => {
    const keys = Object.keys(d).filter((k) => typeof d[k] === 'string');
    const key = keys[n % Math.max(1, keys.length)];
    if (key === undefined) e.helpPointId = text;
    else d[key] = text;
    return null;
  }),
  fc.constant<Mutation>((e) => ((e.note = 'Anna Andersson 19450101-1234'), R.invalid)),
  fc.constant<Mutation>((e) => ((e.helpPointId = 'another-help-point'), R.helpPointMismatch)),
  fc.constant<Mutation>((e) => ((e.deviceId = FOREIGN_DEVICE), R.foreignDevice)),
  fc.integer({ min: 2, max: 99 }).map((v) => (e) => ((e.schemaVersion = v), R.unsupportedSchema)),
];

export function variant(helpPointId: string): fc.Arbitrary<Variant> {
  return fc.oneof(
    {
      weight: 2,
      arbitrary: validEvent(helpPointId).map((event): Variant => ({
        event,
        id: event.id,
        expect: { status: 'accepted' },
      })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(validEvent(helpPointId), fc.oneof(...MUTATIONS))
        .map(([valid, mutate]): Variant => {
          const event = structuredClone(valid) as unknown as Record<string, unknown>;
          const reason = mutate(event, event.data as Record<string, unknown>);
          return { event, id: valid.id, expect: { status: 'rejected', reason } };
        }),
    },
  );
}
