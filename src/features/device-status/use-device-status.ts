/** Polls the device's sync and storage status while the staff view is open. */
import { useCallback, useEffect, useState } from 'react';
import { usePolling } from '../../lib/use-polling';
import type { DeviceStatusSnapshot, SyncProgress } from '../../sync/device-status';

export interface DeviceStatusSource {
  snapshot(): Promise<DeviceStatusSnapshot>;
  subscribeProgress(listener: (progress: SyncProgress) => void): () => void;
  /** Every dead letter back into the outbox (then a drain); resolves with how many. */
  resendDeadLetters(): Promise<number>;
}

const POLL_MS = 2000;

export function useDeviceStatus(source: DeviceStatusSource | null) {
  const [progress, setProgress] = useState<SyncProgress>({
    running: false,
    acknowledged: 0,
    remaining: null,
  });
  const readSnapshot = useCallback(
    () => (source ? source.snapshot() : Promise.reject(new Error('no status source'))),
    [source],
  );
  const polled = usePolling(readSnapshot, {
    intervalMs: POLL_MS,
    enabled: source !== null,
  });
  const { refresh } = polled;

  useEffect(() => {
    if (!source) return undefined;
    return source.subscribeProgress((next) => {
      setProgress(next);
      if (!next.running) refresh();
    });
  }, [source, refresh]);

  return {
    snapshot: polled.data ?? null,
    progress,
    error: polled.error?.message ?? null,
    refresh,
  };
}
