/**
 * Is this device enrolled? Known before the first screen (the start-up read), and read again
 * whenever an enrollment link is applied. A kiosk that is not enrolled has no staff mode.
 */
import { useEffect, useState } from 'react';
import type { AppServices } from './services/app-services';

export function useEnrolled({
  config,
  storage,
  enrollment,
}: Pick<AppServices, 'config' | 'storage' | 'enrollment'>): boolean {
  const [enrolled, setEnrolled] = useState(config.enrolledAtStart);
  useEffect(() => {
    let cancelled = false;
    const read = () =>
      storage
        .open()
        .then((data) => data.outbox.readEnrollment())
        .then(
          (current) => {
            if (!cancelled) setEnrolled(current !== null);
          },
          () => undefined,
        );
    const unsubscribe = enrollment.subscribe(() => void read());
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [storage, enrollment]);
  return enrolled;
}
