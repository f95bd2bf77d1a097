/**
 * What the course screens need from the app, injected by the composition root (src/app), so
 * this feature never reaches into Lära's loader or the device's storage itself.
 */
import type { LanguageCode } from '../../protocol/vocabulary';
import type { CourseSessionData, PlannedSession } from './course-record';
import type { PlanItem } from './lesson-plan';

/** A Lära lesson as a course topic: its number and title, and its plan in the language. */
export interface CourseLesson {
  id: string;
  number: number;
  title: string;
  plan: PlanItem[];
  /** 'sv' when the help point's own lesson has no words in this language yet. */
  lang?: 'sv';
}

export interface CourseServices {
  /** The lessons (the help point's own included), numbered, in the given language. */
  lessons(language: LanguageCode): Promise<CourseLesson[]>;
  /** Stores one anonymous course-session log durably; rejects if storage failed. */
  recordCourse(data: CourseSessionData): Promise<void>;
  /** The sessions planned ahead on this device ([] when there are none or they were unreadable). */
  readPlans(): Promise<PlannedSession[]>;
  writePlans(plans: PlannedSession[]): Promise<void>;
}
