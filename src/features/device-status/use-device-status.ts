/** Polls the device's sync and storage status while the staff view is open. */
import { useCallback, useEffect, useState } from 'react';
import type { DeviceStatusSnapshot, SyncProgress } from '../../sync/device-status';

export interface DeviceStatusSource {
  snapshot(): Promise<DeviceStatusSnapshot>;
  subscribeProgress(listener: (progress: SyncProgress) => void): () => void;
}

const POLL_MS = 2000;

export function useDeviceStatus(source: DeviceStatusSource | null) {
  const [snapshot, setSnapshot] = useState<DeviceStatusSnapshot | null>(null);
  const [progress, setProgress] = useState<SyncProgress>({
    running: false,
    acknowledged: 0,
    remaining: null,
  });
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!source) return;
    try {
      setSnapshot(await source.snapshot());
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [source]);

  useEffect(() => {
    if (!source) return undefined;
    const first = window.setTimeout(() => void refresh(), 0);
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const unsubscribe = source.subscribeProgress((next) => {
      setProgress(next);
      if (!next.running) void refresh();
    });
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [source, refresh]);

  return { snapshot, progress, error, refresh };
}
