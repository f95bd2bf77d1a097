/**
 * Measures what staff feel: from the tap that completes a record to its strict commit. The
 * tap's event time is noted; when the save resolves, a performance measure is recorded that
 * `npm run bench:staff` reads. It costs two numbers and never affects the save.
 */
export const TAG_COMMIT_MEASURE = 'hjalppunkt:tag-commit';

let lastTapAt: number | null = null;

export function noteTap(eventTimeStamp: number): void {
  lastTapAt = eventTimeStamp;
}

export function measureCommit(): void {
  if (lastTapAt === null || typeof performance.measure !== 'function') return;
  performance.measure(TAG_COMMIT_MEASURE, { start: lastTapAt, end: performance.now() });
  lastTapAt = null;
}
