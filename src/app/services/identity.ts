/**
 * Who this device speaks for: an enrolled device for its help point (with its role), before
 * enrollment the configuration's help point. Kept once read, because every log needs it and a
 * read costs a storage round trip; forgotten when an enrollment is applied.
 */
import type { DeviceIdentity } from '../../db/local-data';
import type { KioskConfig } from '../../lib/kiosk-config';
import type { StorageService } from './storage';

export type DeviceRole = 'kiosk' | 'staff';

export interface IdentityService {
  current(): Promise<DeviceIdentity>;
  /** 'staff' once enrolled as a staff tablet, else 'kiosk'. */
  role(): Promise<DeviceRole>;
  /** Read again next time: an enrollment was just applied. */
  forget(): void;
}

export function createIdentityService(
  storage: StorageService,
  config: KioskConfig,
): IdentityService {
  let known: Promise<DeviceIdentity> | null = null;
  return {
    current() {
      known ??= (async () => {
        const data = await storage.open();
        const enrollment = await data.outbox.readEnrollment();
        if (enrollment)
          return { deviceId: enrollment.deviceId, helpPointId: enrollment.helpPointId };
        return { deviceId: await data.getDeviceId(), helpPointId: config.helpPointId };
      })();
      known.catch(() => {
        known = null;
      });
      return known;
    },
    async role() {
      const enrollment = await (await storage.open()).outbox.readEnrollment();
      return enrollment?.role ?? 'kiosk';
    },
    forget() {
      known = null;
    },
  };
}
