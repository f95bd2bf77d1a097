/** Storage and configuration problems, shown on the attract screen for the staff to see. */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { getStorageHealth, subscribeStorageHealth } from '../db/storage-health';
import type { ConfigLoadResult } from '../lib/kiosk-config';

export function Notices({ configLoad }: { configLoad: ConfigLoadResult }) {
  const { t } = useTranslation();
  const health = useSyncExternalStore(subscribeStorageHealth, getStorageHealth);
  const messages: { key: string; text: string }[] = [];
  if (health.problem) messages.push({ key: 'storage', text: t(`storage.${health.problem}`) });
  if (configLoad.status === 'refused') messages.push({ key: 'config', text: t('config.refused') });
  if (messages.length === 0) return null;
  return (
    <div className="notices" role="status">
      {messages.map((message) => (
        <p key={message.key} className="notice" data-notice={message.key}>
          {message.text}
        </p>
      ))}
    </div>
  );
}
