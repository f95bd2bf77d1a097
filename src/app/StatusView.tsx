/** The staff status view (#status), wired to the lazily started sync controller. */
import { useEffect, useState } from 'react';
import { DeviceStatusScreen } from '../features/device-status/components/DeviceStatusScreen';
import type { Runtime } from './runtime';
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
  useEffect(() => {
    let cancelled = false;
    void runtime.sync().then((ready) => {
      if (!cancelled) setController(ready);
    });
    return () => {
      cancelled = true;
    };
  }, [runtime]);
  return (
    <DeviceStatusScreen
      source={controller}
      syncNow={async () => (controller ? controller.trigger('manual') : 'busy')}
      appVersion={__APP_VERSION__}
      onClose={onClose}
    />
  );
}
