/**
 * Is this a kiosk or a staff tablet? Read from the enrollment once storage is open, and again
 * whenever an enrollment link is applied, so a tablet enrolled as a staff device turns into
 * the staff app at once and stays one across restarts.
 */
import { useEffect, useState } from 'react';
import type { Runtime } from './runtime';

export function useDeviceRole(runtime: Runtime): 'kiosk' | 'staff' {
  const [role, setRole] = useState<'kiosk' | 'staff'>('kiosk');
  useEffect(() => {
    let cancelled = false;
    const read = () =>
      runtime.deviceRole().then(
        (next) => {
          if (!cancelled) setRole(next);
        },
        () => undefined,
      );
    void read();
    const unsubscribe = runtime.subscribeEnrollmentLink(() => void read());
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [runtime]);
  return role;
}
