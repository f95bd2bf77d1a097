/**
 * Problems and confirmations for the staff, shown on the attract screen: storage trouble (with
 * how many logs are waiting), a refused configuration or local content file, the result of an
 * enrollment link, a device that must be enrolled again, and a clock that is wrong. Visitors
 * are only asked to tell the staff.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { getStorageHealth, subscribeStorageHealth } from '../db/storage-health';
import { usePolling } from '../lib/use-polling';
import { wrongClockMinutes } from '../sync/clock-skew';
import type { AppServices } from './services/app-services';

const POLL_MS = 10_000;
// The first read waits a moment: storage opens after the attract screen is interactive.
const FIRST_READ_MS = 1000;

export function Notices({ services }: { services: AppServices }) {
  const { t } = useTranslation();
  const health = useSyncExternalStore(subscribeStorageHealth, getStorageHealth);
  // Storage trouble is reported through the storage-health store; a failed read keeps the last.
  const backlog = usePolling(services.sync.backlog, {
    intervalMs: POLL_MS,
    initialDelayMs: FIRST_READ_MS,
  }).data;
  const waiting = backlog?.waiting ?? null;
  const needsEnrollment = backlog?.needsEnrollment ?? false;
  const enrollment = useSyncExternalStore(services.enrollment.subscribe, services.enrollment.state);
  const localContent = useSyncExternalStore(
    services.content.subscribeLocalStatus,
    services.content.localStatus,
  );
  const messages: { key: string; text: string; tone: 'problem' | 'ok' }[] = [];
  if (health.problem) {
    const text =
      health.problem === 'quota'
        ? t('storage.quota', { count: waiting ?? '?' })
        : t(`storage.${health.problem}`);
    messages.push({ key: 'storage', text, tone: 'problem' });
  }
  if (services.config.loadResult.status === 'refused') {
    messages.push({ key: 'config', text: t('config.refused'), tone: 'problem' });
  }
  if (localContent.catalogue === 'refused') {
    messages.push({ key: 'local-catalogue', text: t('config.catalogueRefused'), tone: 'problem' });
  }
  if (localContent.lessons === 'refused') {
    messages.push({ key: 'local-lessons', text: t('config.lessonsRefused'), tone: 'problem' });
  }
  switch (enrollment.status) {
    case 'enrolled': {
      const helpPoint = enrollment.helpPointId;
      messages.push({ key: 'enrolled', text: t('enrollment.done', { helpPoint }), tone: 'ok' });
      break;
    }
    case 'waiting':
      messages.push({
        key: 'enrollment-waiting',
        text: t('enrollment.waiting', { host: enrollment.host }),
        tone: 'problem',
      });
      break;
    case 'invalid':
    case 'used':
    case 'expired':
    case 'refused':
      messages.push({
        key: `enrollment-${enrollment.status}`,
        text: t(`enrollment.${enrollment.status}`),
        tone: 'problem',
      });
      break;
    default:
      break;
  }
  // A fresh enrollment supersedes an old "needs enrollment" until sync says otherwise.
  if (needsEnrollment && enrollment.status !== 'enrolled') {
    messages.push({ key: 'needs-enrollment', text: t('enrollment.needed'), tone: 'problem' });
  }
  const clockWrongBy = wrongClockMinutes(backlog?.clockSkewMs ?? null);
  if (clockWrongBy !== null) {
    const text = t('clock.wrong', { minutes: Math.abs(clockWrongBy) });
    messages.push({ key: 'clock-wrong', text, tone: 'problem' });
  }
  if (messages.length === 0) return null;
  return (
    <div className="notices" role="status">
      {messages.map((message) => (
        <p key={message.key} className={`notice notice--${message.tone}`} data-notice={message.key}>
          {message.text}
        </p>
      ))}
    </div>
  );
}
