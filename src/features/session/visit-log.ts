/** Turns an ended session into the anonymous `visit` log: codes and minute-precision times only. */
import { toMinute } from '../../protocol/times';
import type { VisitData } from '../../protocol/events';
import type { EndedSession } from './session-machine';

export function toVisitData(session: EndedSession): VisitData {
  return {
    startedAt: toMinute(session.startedAt),
    endedAt: toMinute(Math.max(session.endedAt, session.startedAt)),
    language: session.language,
    doors: [...session.doors],
    ending: session.ending,
    feedback: session.feedback,
  };
}
