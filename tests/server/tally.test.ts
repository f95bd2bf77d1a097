// GET /api/v1/tally over real loopback HTTP, against PGlite and PostgreSQL alike: questions
// delivered as real events, counted like the report, by helpedAt and local hour.
import { beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { helpPointTallySchema } from '../../src/protocol/help-requests';
import { ERROR_CODES, errorResponseSchema } from '../../src/protocol/sync-api';
import { useCollector, type Device } from './help-request-support';
import { STORE_CASES, makeEvent, postEvents, questionData } from './support';

/** The local day 10 March 2026 at UTC+1, as a staff tablet in Sweden would ask for it. */
const DAY = 'from=2026-03-09T23:00:00.000Z&to=2026-03-10T23:00:00.000Z';

describe.each(STORE_CASES)('tally ($name)', (storeCase) => {
  const collector = useCollector(storeCase);
  let helpPointId: string;
  let staff: Device;
  let kiosk: Device;

  beforeAll(async () => {
    ({ helpPointId, staff, kiosk } = await collector.helpPoint('tally'));
    const question = (
      topics: string[],
      count: number,
      helpedAt: string,
      more: { recordId?: string; occurredAt?: string; place?: string; by?: Device } = {},
    ) =>
      makeEvent(
        { helpPointId: more.place ?? helpPointId, deviceId: (more.by ?? staff).deviceId },
        'question',
        {
          data: { ...(questionData(topics, count, more.recordId) as object), helpedAt },
          occurredAt: more.occurredAt ?? '2026-03-10T20:00:00.000Z',
        },
      );
    const corrected = uuidv7();
    const withdrawn = uuidv7();
    const movedOut = uuidv7();
    const events = [
      question(['printing-copying-scanning'], 6, '2026-03-10T08:15Z'),
      question(['e-legitimation', 'public-authority-errand'], 1, '2026-03-10T08:45Z'),
      // Corrected: only the later event counts, with its topics, count and time.
      question(['job-seeking'], 5, '2026-03-10T10:00Z', {
        recordId: corrected,
        occurredAt: '2026-03-10T10:01:00.000Z',
      }),
      question(['email-messaging'], 3, '2026-03-10T12:30Z', {
        recordId: corrected,
        occurredAt: '2026-03-10T12:40:00.000Z',
      }),
      // Withdrawn: not counted at all.
      question(['healthcare-1177'], 4, '2026-03-10T09:00Z', { recordId: withdrawn }),
      makeEvent({ helpPointId, deviceId: staff.deviceId }, 'question-withdrawn', {
        data: { recordId: withdrawn },
      }),
      // Corrected to the day before: counted on that day, not this one.
      question(['own-device'], 2, '2026-03-10T10:00Z', {
        recordId: movedOut,
        occurredAt: '2026-03-10T10:05:00.000Z',
      }),
      question(['own-device'], 2, '2026-03-08T10:00Z', {
        recordId: movedOut,
        occurredAt: '2026-03-10T10:06:00.000Z',
      }),
      // On the window's edges: from is in, to is out.
      question(['other'], 1, '2026-03-09T23:00Z'),
      question(['login-passwords'], 2, '2026-03-09T22:59Z'),
      question(['login-passwords'], 7, '2026-03-10T23:00Z'),
      // Not a question.
      makeEvent({ helpPointId, deviceId: staff.deviceId }, 'visit'),
    ];
    expect((await postEvents(collector.url, staff.token, { events })).status).toBe(200);
    // The same day at another help point does not count here.
    const other = await collector.helpPoint('tally-other');
    const theirs = question(['job-seeking'], 9, '2026-03-10T08:00Z', {
      place: other.helpPointId,
      by: other.staff,
    });
    const delivered = await postEvents(collector.url, other.staff.token, { events: [theirs] });
    expect(delivered.status).toBe(200);
  });

  const tallyOf = async (query: string) => {
    const answer = await collector.tally(staff.token, query);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    return helpPointTallySchema.parse(answer.body);
  };

  it('counts the latest event of each record in the window, weighted, by topic and hour', async () => {
    expect(await tallyOf(`${DAY}&utcOffsetMinutes=60`)).toEqual({
      questions: 6 + 1 + 3 + 1,
      byTopic: {
        'printing-copying-scanning': 6,
        'e-legitimation': 1,
        'public-authority-errand': 1,
        'email-messaging': 3,
        other: 1,
      },
      byHour: { '09': 6 + 1, '13': 3, '00': 1 },
    });
  });

  it('puts the hours at the offset asked for, half hours and west of UTC too', async () => {
    const india = await tallyOf(`${DAY}&utcOffsetMinutes=330`);
    expect(india.questions).toBe(11);
    expect(india.byHour).toEqual({ '13': 6, '14': 1, '18': 3, '04': 1 });
    const newYork = await tallyOf(`${DAY}&utcOffsetMinutes=-300`);
    expect(newYork.byHour).toEqual({ '03': 7, '07': 3, '18': 1 });
    const utc = await tallyOf(`${DAY}&utcOffsetMinutes=0`);
    expect(utc.byHour).toEqual({ '08': 7, '12': 3, '23': 1 });
  });

  it('takes times with an offset and answers zeros for a window without questions', async () => {
    const withOffset = await tallyOf(
      'from=2026-03-10T00:00:00%2B01:00&to=2026-03-11T00:00:00%2B01:00&utcOffsetMinutes=60',
    );
    expect(withOffset.questions).toBe(11);
    expect(
      await tallyOf('from=2026-03-08T10:00:00Z&to=2026-03-08T10:01:00Z&utcOffsetMinutes=0'),
    ).toEqual({ questions: 2, byTopic: { 'own-device': 2 }, byHour: { '10': 2 } });
    expect(
      await tallyOf('from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z&utcOffsetMinutes=60'),
    ).toEqual({ questions: 0, byTopic: {}, byHour: {} });
  });

  it.each([
    ['no query at all', '', /from: expected string/],
    ['a missing utcOffsetMinutes', DAY, /utcOffsetMinutes: expected string/],
    ['a date without a time', `from=2026-03-10&to=2026-03-11&utcOffsetMinutes=60`, /from: not/],
    ['words as times', `from=yesterday&to=today&utcOffsetMinutes=60`, /from: not a valid/],
    [
      'to before from',
      'from=2026-03-10T10:00:00Z&to=2026-03-10T09:00:00Z&utcOffsetMinutes=0',
      /from must be before to/,
    ],
    [
      'from equal to to',
      'from=2026-03-10T10:00:00Z&to=2026-03-10T10:00:00Z&utcOffsetMinutes=0',
      /from must be before to/,
    ],
    [
      'more than 48 hours',
      'from=2026-03-10T00:00:00Z&to=2026-03-12T00:00:01Z&utcOffsetMinutes=0',
      /at most 48 hours/,
    ],
    ['an offset past +14 h', `${DAY}&utcOffsetMinutes=841`, /between -840 and 840/],
    ['an offset past -14 h', `${DAY}&utcOffsetMinutes=-841`, /between -840 and 840/],
    ['a fractional offset', `${DAY}&utcOffsetMinutes=1.5`, /utcOffsetMinutes: must be a whole/],
    ['a word as offset', `${DAY}&utcOffsetMinutes=cet`, /utcOffsetMinutes: must be a whole/],
    [
      'a repeated parameter',
      `${DAY}&from=2026-03-10T00:00:00Z&utcOffsetMinutes=0`,
      /from: expected string/,
    ],
    ['an unknown parameter', `${DAY}&utcOffsetMinutes=0&helpPointId=x`, /does not allow/],
  ])('answers 400 for %s, naming the problem', async (_name, query, names) => {
    const answer = await collector.tally(staff.token, query);
    expect(answer.status).toBe(400);
    const { error } = errorResponseSchema.parse(answer.body);
    expect(error.code).toBe(ERROR_CODES.malformed);
    expect(error.message).toMatch(/^Expected \?from=<ISO time>&to=<ISO time>&utcOffsetMinutes=/);
    expect(error.message).toMatch(names);
  });

  it('answers exactly 48 hours, and refuses kiosks', async () => {
    const twoDays = await tallyOf(
      'from=2026-03-09T00:00:00Z&to=2026-03-11T00:00:00Z&utcOffsetMinutes=60',
    );
    // The two login questions on the day's edges are inside the longer window.
    expect(twoDays.questions).toBe(2 + 11 + 7);
    const answer = await collector.tally(kiosk.token, `${DAY}&utcOffsetMinutes=60`);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: { code: ERROR_CODES.forbidden } });
  });
});
