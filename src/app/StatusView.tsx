/** The staff status view (#status), wired to the lazily started sync controller. */
import { useEffect, useState } from 'react';
import { DeviceStatusScreen } from '../features/device-status/components/DeviceStatusScreen';
import type { Runtime } from './runtime';
import type { DeviceIdentity } from '../db/local-data';
import type { SyncController } from './sync-runtime';

const STATUS_HASH = '#status';

export function useStatusView() {
  const [open, setOpen] = useState(() => window.location.hash === STATUS_HASH);
  useEffect(() => {
    const onHashChange = () => setOpen(window.location.hash === STATUS_HASH);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const close = () => {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    setOpen(false);
  };
  return { open, close };
}

export function StatusView({ runtime, onClose }: { runtime: Runtime; onClose?: () => void }) {
  const [controller, setController] = useState<SyncController | null>(null);
  const [identity, setIdentity] = useState<DeviceIdentity | null>(null);
  useEffect(() => {
    let cancelled = false;
    void runtime.sync().then((ready) => {
      if (!cancelled) setController(ready);
    });
    void runtime.identity().then(
      (ids) => {
        if (!cancelled) setIdentity(ids);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [runtime]);
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
