/**
 * Reads this device's question records again whenever the tagging machine's revision moves
 * (a save, an edit, a delete), so the list and today's tally always show what is stored.
 */
import { useEffect, useState } from 'react';
import type { StaffServices } from '../staff-services';
import { questionRecords, type QuestionRecord } from './today-records';

export function useQuestionRecords(services: StaffServices, revision: number) {
  const [records, setRecords] = useState<QuestionRecord[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    services.readQuestionEvents().then(
      ({ events, queued }) => {
        if (cancelled) return;
        setRecords(questionRecords(events, queued));
        setProblem(null);
      },
      (error: unknown) => {
        if (!cancelled) setProblem(String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [services, revision]);
  return { records, problem };
}
