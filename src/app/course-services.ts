/**
 * The course screens' services, wired to the runtime: Lära's lessons (loaded lazily, the help
 * point's own included) turned into lesson plans, plans kept in LocalData's meta table, and
 * course-session logs through the runtime's durable recordLog.
 */
import type { Runtime } from './runtime';
import type { CourseLesson, CourseServices } from '../features/courses/course-services';
import { plannedSessionsSchema, type PlannedSession } from '../features/courses/course-record';
import { lessonPlan } from '../features/courses/lesson-plan';
import { describeIssues } from '../lib/schema-errors';

export const PLANNED_SESSIONS_KEY = 'courses.planned';

export function createCourseServices(
  runtime: Pick<Runtime, 'localLessons' | 'localData' | 'recordLog'>,
): CourseServices {
  return {
    async lessons(language) {
      const [loader, local] = await Promise.all([
        import('../features/lara/lessons/load-lessons'),
        runtime.localLessons(),
      ]);
      const loaded = await loader.loadLessons(language, local);
      return loaded.lessons
        .flatMap((lesson): CourseLesson[] => {
          const words = loaded.textsById.get(lesson.id);
          if (!words) return [];
          return [
            {
              id: lesson.id,
              number: lesson.number,
              title: words.title,
              plan: lessonPlan(lesson, words),
              ...(loaded.swedishFallback.has(lesson.id) ? { lang: 'sv' as const } : {}),
            },
          ];
        })
        .sort((a, b) => a.number - b.number);
    },

    recordCourse: (data) => runtime.recordLog('course-session', data),

    async readPlans() {
      const stored = await (await runtime.localData()).readMeta<unknown>(PLANNED_SESSIONS_KEY);
      if (stored === undefined || stored === null) return [];
      const parsed = plannedSessionsSchema.safeParse(stored);
      if (parsed.success) return parsed.data;
      // A damaged list must not stop a volunteer from logging: start again from no plans.
      console.error(
        `${PLANNED_SESSIONS_KEY} refused: ${describeIssues(parsed.error.issues, 3)}; starting with no plans`,
      );
      return [];
    },

    async writePlans(plans: PlannedSession[]) {
      const checked = plannedSessionsSchema.parse(plans);
      await (await runtime.localData()).writeMeta(PLANNED_SESSIONS_KEY, checked);
    },
  };
}
