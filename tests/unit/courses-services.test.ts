/**
 * The course services as the app wires them: real lessons through Lära's loader, plans in
 * LocalData (Dexie on fake-indexeddb) validated when read back, and course-session logs
 * through the runtime's recordLog. A damaged plan list is logged and read as empty.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createLocalData, type LocalData } from '../../src/db/local-data';
import { reportStorageHealthy } from '../../src/db/storage-health';
import { createCourseServices, PLANNED_SESSIONS_KEY } from '../../src/app/course-services';
import type { PlannedSession } from '../../src/features/courses/course-record';
import type { Runtime } from '../../src/app/runtime';

const opened: LocalData[] = [];
afterEach(() => {
  opened.splice(0).forEach((data) => data.close());
  reportStorageHealthy();
  vi.restoreAllMocks();
});

function servicesOnFreshStorage() {
  const data = createLocalData({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'courses-test' });
  opened.push(data);
  const recordLog = vi.fn<Runtime['recordLog']>(async () => undefined);
  const services = createCourseServices({
    localData: async () => data,
    localLessons: async () => null,
    recordLog,
  });
  return { data, services, recordLog };
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
    expect(await data.readMeta(PLANNED_SESSIONS_KEY)).toEqual([plan]);
    expect(await services.readPlans()).toEqual([plan]);
    await services.writePlans([]);
    expect(await services.readPlans()).toEqual([]);
  });

  it('read a damaged plan list as no plans, and say so in the console, never crash', async () => {
    const { data, services } = servicesOnFreshStorage();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const damaged of ['not a list', [{ ...plan, topic: 'Anna Andersson' }], { 0: plan }, 42]) {
      await data.writeMeta(PLANNED_SESSIONS_KEY, damaged);
      expect(await services.readPlans()).toEqual([]);
    }
    expect(logged).toHaveBeenCalledTimes(4);
    expect(String(logged.mock.calls[1]?.[0])).toContain('courses.planned refused');
  });

  it('refuse to write a plan that does not fit the schema', async () => {
    const { data, services } = servicesOnFreshStorage();
    await expect(services.writePlans([{ ...plan, attendees: 501 }])).rejects.toThrow();
    expect(await data.readMeta(PLANNED_SESSIONS_KEY)).toBeUndefined();
  });

  it('record a course session through the runtime, and pass its failures on', async () => {
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
