/**
 * Is this a kiosk or a staff tablet? Read from the enrollment once storage is open, and again
 * whenever an enrollment link is applied, so a tablet enrolled as a staff device turns into
 * the staff app at once and stays one across restarts.
 */
import { useEffect, useState } from 'react';
import type { AppServices } from './services/app-services';
import type { DeviceRole } from './services/identity';

export function useDeviceRole({
  identity,
  enrollment,
}: Pick<AppServices, 'identity' | 'enrollment'>): DeviceRole {
  const [role, setRole] = useState<DeviceRole>('kiosk');
  useEffect(() => {
    let cancelled = false;
    const read = () =>
      identity.role().then(
        (next) => {
          if (!cancelled) setRole(next);
        },
        () => undefined,
      );
    void read();
    const unsubscribe = enrollment.subscribe(() => void read());
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [identity, enrollment]);
  return role;
}
