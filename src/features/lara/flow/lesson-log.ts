/**
 * One `lesson` log per lesson opened, written when the visitor leaves it (back to the list,
 * home, end of visit or time-out): an invoked callback actor, because XState v5 runs no
 * exit actions when an actor is stopped but does stop its invoked actors.
 */
import { fromCallback } from 'xstate';
import type { LanguageCode, ScoreBand } from '../../../protocol/vocabulary';

export interface LessonRecord {
  lessonId: string;
  stepsReached: number;
  stepsTotal: number;
  completed: boolean;
  scoreBand: ScoreBand;
  language: LanguageCode;
}

export type LessonLogEvent =
  { type: 'REACHED'; steps: number } | { type: 'COMPLETED'; correct: number; questions: number };

/** none: the check was not finished; high: at least three in four right. */
export function scoreBandOf(correct: number, questions: number): ScoreBand {
  if (questions <= 0) return 'none';
  const share = correct / questions;
  if (share >= 0.75) return 'high';
  if (share >= 0.5) return 'mid';
  return 'low';
}

export function lessonLogLogic(record: (lesson: LessonRecord) => void) {
  return fromCallback<LessonLogEvent, Pick<LessonRecord, 'lessonId' | 'stepsTotal' | 'language'>>(
    ({ input, receive }) => {
      let stepsReached = 1;
      let completed = false;
      let scoreBand: ScoreBand = 'none';
      receive((event) => {
        if (event.type === 'REACHED') stepsReached = Math.max(stepsReached, event.steps);
        else {
          completed = true;
          stepsReached = input.stepsTotal;
          scoreBand = scoreBandOf(event.correct, event.questions);
        }
      });
      return () => record({ ...input, stepsReached, completed, scoreBand });
    },
  );
}
