/**
 * A generated data set for the statistics tests (statistics-reference.ts counts it by hand).
 * Seeded, so a failure repeats. Times cluster on both daylight-saving change days of 2026
 * (29 March, 25 October) and on the minutes either side of their Stockholm midnights.
 */
import { v7 as uuidv7 } from 'uuid';
import { logEventSchema, type LogEvent } from '../../src/protocol/events';

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Minutes either side of a Stockholm midnight, and the doubled 02:30 of 25 October. */
export const BOUNDARY_MINUTES = [
  '2026-03-28T22:59Z', // 28 March 23:59 (CET)
  '2026-03-28T23:00Z', // 29 March 00:00: the spring change day (23 hours)
  '2026-03-29T00:59Z', // 01:59 CET, the last minute before the clocks jump
  '2026-03-29T01:00Z', // 03:00 CEST
  '2026-03-29T21:59Z', // 29 March 23:59 (CEST)
  '2026-03-29T22:00Z', // 30 March 00:00
  '2026-10-24T21:59Z', // 24 October 23:59 (CEST)
  '2026-10-24T22:00Z', // 25 October 00:00: the autumn change day (25 hours)
  '2026-10-25T00:30Z', // 02:30 CEST
  '2026-10-25T01:30Z', // 02:30 CET, the same wall-clock hour again
  '2026-10-25T22:59Z', // 25 October 23:59 (CET)
  '2026-10-25T23:00Z', // 26 October 00:00
] as const;

export interface Delivery {
  events: LogEvent[];
  receivedAt: Date;
  fromDevice: string;
}

export interface DataSet {
  helpPoints: { id: string; devices: { id: string; role: 'kiosk' | 'staff' }[] }[];
  deliveries: Delivery[];
}

const TOPICS = [
  'printing-copying-scanning',
  'login-passwords',
  'e-legitimation',
  'email-messaging',
];
const CHANNELS = ['drop-in', 'booked', 'phone', 'kiosk'];
const LANGS = ['sv', 'ar', 'uk', 'other'];
const AGENCIES = ['skatteverket', 'csn', null];
const OBSTACLES = ['no-e-legitimation', 'language', 'e-service-hard'];
const OUTCOMES = ['solved', 'referred', 'not-solved'];

export function generateDataSet(seed: number, helpPointIds: [string, string]): DataSet {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const some = <T>(list: readonly T[]): T[] => list.filter(() => random() < 0.4);
  const minuteAt = (): string => {
    if (random() < 0.35) return pick(BOUNDARY_MINUTES);
    // Anywhere from 27 March to 2 April or 23 to 27 October, or in May (a whole month).
    const [start, days] = pick([
      [Date.UTC(2026, 2, 27), 7],
      [Date.UTC(2026, 9, 23), 5],
      [Date.UTC(2026, 4, 1), 31],
    ] as const);
    const ms = start + Math.floor(random() * days * 1440) * 60_000;
    return new Date(ms).toISOString().slice(0, 16) + 'Z';
  };
  const helpPoints = helpPointIds.map((id) => ({
    id,
    devices: [
      { id: uuidv7(), role: 'kiosk' as const },
      { id: uuidv7(), role: 'staff' as const },
      { id: uuidv7(), role: 'staff' as const },
    ],
  }));
  const deliveries: Delivery[] = [];
  let clock = Date.UTC(2026, 10, 1);
  const deliver = (deviceId: string, events: LogEvent[]) => {
    clock += 60_000;
    deliveries.push({ events, receivedAt: new Date(clock), fromDevice: deviceId });
  };
  const make = (hp: string, device: string, type: LogEvent['type'], data: unknown, at: string) =>
    logEventSchema.parse({
      id: uuidv7(),
      schemaVersion: 1,
      occurredAt: at.replace('Z', ':00.000Z'),
      helpPointId: hp,
      deviceId: device,
      type,
      data,
    });
  const question = (recordId: string) => ({
    recordId,
    helpedWith: [pick(TOPICS), ...some(TOPICS)].filter((t, i, all) => all.indexOf(t) === i),
    area: random() < 0.5 ? null : 'public-authority',
    agency: pick(AGENCIES),
    errandId: random() < 0.5 ? null : pick(['deklarera', 'studiemedel']),
    timeSpent: pick(['under-5', '5-15', '30-60']),
    effort: random() < 0.2 ? null : pick([1, 2, 3, 4, 5, 6]),
    obstacles: some(OBSTACLES),
    outcome: pick(OUTCOMES),
    referredTo: null,
    language: pick(LANGS),
    channel: pick(CHANNELS),
    postcodeArea: random() < 0.5 ? null : pick(['752', '753', '981']),
    count: random() < 0.25 ? 1 + Math.floor(random() * 8) : 1,
    helpedAt: minuteAt(),
  });

  for (const hp of helpPoints) {
    const [kiosk, staff, otherStaff] = hp.devices.map((device) => ({ id: device.id })) as [
      { id: string },
      { id: string },
      { id: string },
    ];
    for (let i = 0; i < 60; i += 1) {
      const recordId = uuidv7();
      const first = question(recordId);
      const at = first.helpedAt;
      const roll = random();
      if (roll < 0.05) {
        // The withdrawal arrives before the record it takes back.
        deliver(staff.id, [make(hp.id, staff.id, 'question-withdrawn', { recordId }, at)]);
      }
      deliver(staff.id, [make(hp.id, staff.id, 'question', first, at)]);
      if (roll >= 0.05 && roll < 0.35) {
        // One or two corrections, later in time; one may move the record to another day.
        const later = Date.parse(at.replace('Z', ':00Z'));
        const corrections = 1 + Math.floor(random() * 2);
        for (let c = 1; c <= corrections; c += 1) {
          const when = new Date(later + c * 60_000).toISOString().slice(0, 16) + 'Z';
          deliver(staff.id, [make(hp.id, staff.id, 'question', question(recordId), when)]);
        }
      }
      if (roll >= 0.35 && roll < 0.45) {
        deliver(staff.id, [make(hp.id, staff.id, 'question-withdrawn', { recordId }, at)]);
      }
      if (roll >= 0.45 && roll < 0.5) {
        // Another device's "correction": not its record, so it must not count.
        const late = '2026-12-31T23:00Z';
        deliver(otherStaff.id, [make(hp.id, otherStaff.id, 'question', question(recordId), late)]);
      }
    }
    const kioskEvents: LogEvent[] = [];
    for (let i = 0; i < 40; i += 1) {
      const at = minuteAt();
      kioskEvents.push(
        make(
          hp.id,
          kiosk.id,
          'visit',
          {
            startedAt: at,
            endedAt: at,
            language: pick(['sv', 'ar', 'uk']),
            doors: some(['lara', 'anvanda', 'testa']),
            ending: pick(['finished', 'timed-out']),
            feedback: pick(['yes', 'no', null]),
          },
          at,
        ),
        make(
          hp.id,
          kiosk.id,
          'errand-viewed',
          {
            errandId: pick(['deklarera', 'studiemedel']),
            foundBy: pick(['search', 'category', 'suggestion']),
            choice: pick(['none', 'phone', 'kiosk', 'staff']),
            language: pick(['sv', 'uk']),
          },
          at,
        ),
        make(
          hp.id,
          kiosk.id,
          'lesson',
          {
            lessonId: pick(['email', 'bankid']),
            stepsReached: 2,
            stepsTotal: 4,
            completed: random() < 0.5,
            scoreBand: 'mid',
            language: pick(['sv', 'fi']),
          },
          at,
        ),
        make(
          hp.id,
          kiosk.id,
          'tech-tried',
          { itemId: pick(['e-reader', 'qr-practice']), language: 'sv' },
          at,
        ),
        make(
          hp.id,
          kiosk.id,
          'feedback',
          {
            answer: pick(['yes', 'partly', 'no']),
            context: pick(['visit', 'lesson']),
            language: 'sv',
          },
          at,
        ),
        make(
          hp.id,
          kiosk.id,
          'heartbeat',
          {
            appVersion: '1.0.0',
            queueDepth: 3,
            deadLetters: 0,
            storagePersisted: true,
          },
          at,
        ),
      );
    }
    // In batches of 25, the first batch delivered twice (a replay must count once).
    for (let i = 0; i < kioskEvents.length; i += 25)
      deliver(kiosk.id, kioskEvents.slice(i, i + 25));
    deliver(kiosk.id, kioskEvents.slice(0, 25));
    for (let i = 0; i < 12; i += 1) {
      const at = minuteAt();
      const attendees = Math.floor(random() * 12);
      const course = {
        topic: pick(['basic-internet', 'safety-online']),
        heldAt: at,
        attendees,
        newAttendees: Math.floor(attendees / 2),
        languages: ['sv'],
        role: pick(['volunteer', 'staff', 'partner']),
        ...(random() < 0.8 ? { durationMinutes: pick([60, 90, 120]) } : {}),
      };
      deliver(staff.id, [make(hp.id, staff.id, 'course-session', course, at)]);
    }
  }
  return { helpPoints, deliveries };
}
