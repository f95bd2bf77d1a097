/**
 * The course services as the app wires them: real lessons through the app's content loader
 * (Lära's loader), plans in LocalData (Dexie on fake-indexeddb) validated when read back, and
 * course-session logs through the log service. A damaged plan list is logged and read as empty.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { HjalppunktDatabase } from '../../src/db/database';
import { PLANNED_SESSIONS_KEY } from '../../src/db/device-settings';
import { createLocalData, type LocalData } from '../../src/db/local-data';
import { reportStorageHealthy } from '../../src/db/storage-health';
import { DEFAULT_KIOSK_CONFIG } from '../../src/lib/kiosk-config';
import { createContentService } from '../../src/app/services/content';
import { createCourseServices } from '../../src/app/services/course-services';
import type { LogService } from '../../src/app/services/logs';
import type { PlannedSession } from '../../src/features/courses/course-record';

const opened: { close(): void }[] = [];
afterEach(() => {
  opened.splice(0).forEach((data) => data.close());
  reportStorageHealthy();
  vi.restoreAllMocks();
});

function servicesOnFreshStorage() {
  const indexedDB = new IDBFactory();
  const data: LocalData = createLocalData({ indexedDB, IDBKeyRange, name: 'courses-test' });
  opened.push(data);
  const storage = { open: async () => data };
  const recordLog = vi.fn<LogService['record']>(async () => undefined);
  const services = createCourseServices({
    storage,
    // No help point's own lessons here: /local-lessons.json cannot be fetched outside a page.
    content: createContentService(storage, DEFAULT_KIOSK_CONFIG),
    logs: { record: recordLog, recordInBackground: () => undefined },
  });
  /** Writes a row as if the disk held it, past the facade's types. */
  const damage = async (value: unknown) => {
    const db = new HjalppunktDatabase({ indexedDB, IDBKeyRange, name: 'courses-test' });
    opened.push(db);
    await db.meta.put({ key: PLANNED_SESSIONS_KEY, value });
  };
  return { data, services, recordLog, damage };
}

const plan: PlannedSession = {
  id: '0193a1fe-7c26-72ae-a82f-09d96effaf53',
  topic: 'video-calls',
  plannedAt: Date.parse('2026-12-01T13:00:00Z'),
  languages: ['uk', 'sv'],
  role: 'volunteer',
  attendees: 8,
  newAttendees: 8,
};

describe('course services', () => {
  it('give every Lära lesson by number, with its plan, in the language asked for', async () => {
    const { services } = servicesOnFreshStorage();
    const lessons = await services.lessons('uk');
    expect(lessons.map((lesson) => lesson.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const scams = lessons.find((lesson) => lesson.id === 'scams');
    expect(scams?.plan[0]).toMatchObject({ kind: 'goal', title: scams?.title });
    expect(scams?.plan.some((item) => item.kind === 'exercise')).toBe(true);
    expect(scams?.plan.filter((item) => item.kind === 'question')).toHaveLength(3);
    expect(scams?.title).toMatch(/[а-яі]/i);
    expect(scams?.lang).toBeUndefined();
  });

  it('keep plans on the device and read them back', async () => {
    const { data, services } = servicesOnFreshStorage();
    expect(await services.readPlans()).toEqual([]);
    await services.writePlans([plan]);
    expect(await data.plannedSessions()).toEqual([plan]);
    expect(await services.readPlans()).toEqual([plan]);
    await services.writePlans([]);
    expect(await services.readPlans()).toEqual([]);
  });

  it('read a damaged plan list as no plans, and say so in the console, never crash', async () => {
    const { services, damage } = servicesOnFreshStorage();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const damaged of ['not a list', [{ ...plan, topic: 'Anna Andersson' }], { 0: plan }, 42]) {
      await damage(damaged);
      expect(await services.readPlans()).toEqual([]);
    }
    expect(logged).toHaveBeenCalledTimes(4);
    expect(String(logged.mock.calls[1]?.[0])).toContain('courses.planned refused');
  });

  it('refuse to write a plan that does not fit the schema', async () => {
    const { data, services } = servicesOnFreshStorage();
    await expect(services.writePlans([{ ...plan, attendees: 501 }])).rejects.toThrow();
    expect(await data.plannedSessions()).toBeUndefined();
  });

  it('record a course session through the log service, and pass its failures on', async () => {
    const { services, recordLog } = servicesOnFreshStorage();
    const session = {
      topic: 'basic-internet',
      heldAt: '2026-11-21T13:30Z',
      attendees: 7,
      newAttendees: 3,
      languages: ['sv' as const, 'ar' as const],
      role: 'volunteer' as const,
    };
    await services.recordCourse(session);
    expect(recordLog).toHaveBeenCalledWith('course-session', session);
    recordLog.mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(services.recordCourse(session)).rejects.toThrow('QuotaExceededError');
  });
});
