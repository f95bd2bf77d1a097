/**
 * Loads one JSON answer and reloads when its path changes. An answer remembers the path and
 * round it belongs to, so a new path shows "loading" without resetting state in the effect.
 */
import { useCallback, useEffect, useState } from 'react';
import { request } from './api';

export type Load<T> =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

type Answer<T> = { path: string; round: number; load: Load<T> };

export function useLoad<T>(path: string | null): [Load<T>, () => void] {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    request<T>('GET', path).then(
      (data) => live && setAnswer({ path, round, load: { state: 'ok', data } }),
      (error: unknown) =>
        live &&
        setAnswer({
          path,
          round,
          load: { state: 'error', message: error instanceof Error ? error.message : String(error) },
        }),
    );
    return () => {
      live = false;
    };
  }, [path, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const current = answer && answer.path === path && answer.round === round ? answer.load : null;
  return [current ?? { state: 'loading' }, reload];
}
