/**
 * The course screens' services, wired to the app's: Lära's lessons (the help point's own
 * included) turned into lesson plans, plans kept on the device through LocalData, and
 * course-session logs through the durable log service.
 */
import type { AppServices } from './app-services';
import type { CourseLesson, CourseServices } from '../../features/courses/course-services';
import { plannedSessionsSchema, type PlannedSession } from '../../features/courses/course-record';
import { lessonPlan } from '../../features/courses/lesson-plan';
import { describeIssues } from '../../lib/schema-errors';

export function createCourseServices(
  app: Pick<AppServices, 'content' | 'storage' | 'logs'>,
): CourseServices {
  return {
    async lessons(language) {
      const loaded = await app.content.load('lessons', language);
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

    recordCourse: (data) => app.logs.record('course-session', data),

    async readPlans() {
      const stored = await (await app.storage.open()).plannedSessions();
      if (stored === undefined || stored === null) return [];
      const parsed = plannedSessionsSchema.safeParse(stored);
      if (parsed.success) return parsed.data;
      // A damaged list must not stop a volunteer from logging: start again from no plans.
      const reason = describeIssues(parsed.error.issues, 3);
      console.error(`courses.planned refused: ${reason}; starting with no plans`);
      return [];
    },

    async writePlans(plans: PlannedSession[]) {
      const checked = plannedSessionsSchema.parse(plans);
      await (await app.storage.open()).setPlannedSessions(checked);
    },
  };
}
