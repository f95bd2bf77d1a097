/**
 * Problems and confirmations for the staff, shown on the attract screen: storage trouble (with
 * how many logs are waiting), a refused configuration or local content file, the result of an enrollment link, and a
 * device that must be enrolled again. Visitors are only asked to tell the staff.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { getStorageHealth, subscribeStorageHealth } from '../db/storage-health';
import type { Runtime } from './runtime';

const POLL_MS = 10_000;

function useWaitingAndEnrollment(runtime: Runtime) {
  const [state, setState] = useState<{ waiting: number | null; needsEnrollment: boolean }>({
    waiting: null,
    needsEnrollment: false,
  });
  useEffect(() => {
    let cancelled = false;
    const read = async () => {
      try {
        const data = await runtime.localData();
        const [waiting, status] = await Promise.all([
          data.countOutbox(),
          data.outbox.readSyncStatus(),
        ]);
        if (!cancelled) setState({ waiting, needsEnrollment: status.needsEnrollment });
      } catch {
        // Storage trouble is already reported through the storage-health store.
      }
    };
    // The first read waits a moment: storage loads after the attract screen is interactive.
    const first = window.setTimeout(() => void read(), 1000);
    const timer = window.setInterval(() => void read(), POLL_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [runtime]);
  return state;
}

export function Notices({ runtime }: { runtime: Runtime }) {
  const { t } = useTranslation();
  const health = useSyncExternalStore(subscribeStorageHealth, getStorageHealth);
  const { waiting, needsEnrollment } = useWaitingAndEnrollment(runtime);
  const enrollmentLink = useSyncExternalStore(
    runtime.subscribeEnrollmentLink,
    runtime.enrollmentLink,
  );
  const localContent = useSyncExternalStore(
    runtime.subscribeLocalContent,
    runtime.localContentStatus,
  );
  const messages: { key: string; text: string; tone: 'problem' | 'ok' }[] = [];
  if (health.problem) {
    const text =
      health.problem === 'quota'
        ? t('storage.quota', { count: waiting ?? '?' })
        : t(`storage.${health.problem}`);
    messages.push({ key: 'storage', text, tone: 'problem' });
  }
  if (runtime.configLoad.status === 'refused') {
    messages.push({ key: 'config', text: t('config.refused'), tone: 'problem' });
  }
  if (localContent.catalogue === 'refused') {
    messages.push({ key: 'local-catalogue', text: t('config.catalogueRefused'), tone: 'problem' });
  }
  if (localContent.lessons === 'refused') {
    messages.push({ key: 'local-lessons', text: t('config.lessonsRefused'), tone: 'problem' });
  }
  if (enrollmentLink.status === 'valid') {
    const helpPoint = enrollmentLink.enrollment.helpPointId;
    messages.push({ key: 'enrolled', text: t('enrollment.done', { helpPoint }), tone: 'ok' });
  } else if (enrollmentLink.status === 'invalid') {
    messages.push({ key: 'enrollment-invalid', text: t('enrollment.invalid'), tone: 'problem' });
  }
  // A fresh enrollment link supersedes an old "needs enrollment" until sync says otherwise.
  if (needsEnrollment && enrollmentLink.status !== 'valid') {
    messages.push({ key: 'needs-enrollment', text: t('enrollment.needed'), tone: 'problem' });
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
