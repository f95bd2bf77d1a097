/** The staff status view (#status), wired to the lazily started sync controller. */
import { useEffect, useState } from 'react';
import { DeviceStatusScreen } from '../features/device-status/components/DeviceStatusScreen';
import type { AppServices } from './services/app-services';
import type { DeviceIdentity } from '../db/local-data';
import type { SyncController } from './services/sync-controller';

export function StatusView({
  services,
  onClose,
}: {
  services: Pick<AppServices, 'sync' | 'identity'>;
  onClose?: () => void;
}) {
  const { sync, identity: deviceIdentity } = services;
  const [controller, setController] = useState<SyncController | null>(null);
  const [identity, setIdentity] = useState<DeviceIdentity | null>(null);
  useEffect(() => {
    let cancelled = false;
    void sync.controller().then((ready) => {
      if (!cancelled) setController(ready);
    });
    void deviceIdentity.current().then(
      (ids) => {
        if (!cancelled) setIdentity(ids);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [sync, deviceIdentity]);
  return (
    <DeviceStatusScreen
      source={controller}
      syncNow={async () => (controller ? controller.trigger('manual') : 'busy')}
      appVersion={__APP_VERSION__}
      identity={identity}
      onClose={onClose}
    />
  );
}
