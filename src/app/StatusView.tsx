/** The staff status view (#status), wired to the lazily started sync controller. */
import { useEffect, useState } from 'react';
import {
  DeviceStatusScreen,
  type LinkAge,
} from '../features/device-status/components/DeviceStatusScreen';
import { loadLinkSummary } from '../features/anvanda/catalogue/load-catalogue';
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
  const [links, setLinks] = useState<LinkAge | null>(null);
  useEffect(() => {
    let cancelled = false;
    // The catalogue's facts are a precached chunk: this works offline too.
    void loadLinkSummary().then(
      (summary) => {
        if (!cancelled)
          setLinks({
            newestVerified: summary.newestVerified,
            oldestVerified: summary.oldestVerified,
            unverified: summary.byKind.home,
            search: summary.byKind.search,
          });
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
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
      links={links}
    />
  );
}
