/**
 * The staff's view of the device: is it enrolled, how many logs wait, when did sync last
 * work, what went wrong, which logs the collector rejected, and how much storage is left.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackButton } from '../../../components/BackButton';
import { Screen } from '../../../components/Screen';
import type { TriggerResult } from '../../../sync/sync-scheduler';
import { wrongClockMinutes } from '../../../sync/clock-skew';
import { useDeviceStatus, type DeviceStatusSource } from '../use-device-status';
import { DeadLetters } from './DeadLetters';
import { LinkAgeStatus, type LinkAge } from './LinkAgeStatus';
import './device-status.css';

export type { LinkAge };

interface DeviceStatusScreenProps {
  source: DeviceStatusSource | null;
  syncNow: () => Promise<TriggerResult>;
  appVersion: string;
  /** The ids the device's logs carry (before enrollment: its own id and the configured help point). */
  identity: { deviceId: string; helpPointId: string } | null;
  /** Absent inside the staff app, whose navigation leads away instead. */
  onClose?: () => void;
  /** How old the catalogue's errand links are; null while it loads or when it cannot. */
  links?: LinkAge | null;
}

function megabytes(bytes: number | null): string {
  return bytes === null ? '–' : (bytes / 1024 / 1024).toFixed(1);
}

function resultKey(result: TriggerResult): string {
  if (typeof result === 'string') return `status.result.${result}`;
  return `status.result.${result.kind}`;
}

/** Is this device's clock close to the collector's (the Date header of its last answer)? */
function ClockStatus({ skewMs }: { skewMs: number | null }) {
  const { t } = useTranslation();
  const wrongBy = wrongClockMinutes(skewMs);
  if (wrongBy !== null) {
    return (
      <dd className="notice" data-testid="status-clock" data-clock="wrong">
        {t('status.clockWrong', { minutes: Math.abs(wrongBy) })}
      </dd>
    );
  }
  return (
    <dd data-testid="status-clock" data-clock={skewMs === null ? 'unknown' : 'ok'}>
      {skewMs === null ? t('status.clockUnknown') : t('status.clockOk')}
    </dd>
  );
}

export function DeviceStatusScreen({
  source,
  syncNow,
  appVersion,
  identity,
  onClose,
  links = null,
}: DeviceStatusScreenProps) {
  const { t, i18n } = useTranslation();
  const { snapshot, progress, error } = useDeviceStatus(source);
  const [lastResult, setLastResult] = useState<string | null>(null);
  const time = (epoch: number | null) =>
    epoch === null
      ? t('status.never')
      : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }).format(
          epoch,
        );

  const runSync = async () => {
    setLastResult(null);
    const result = await syncNow();
    // Delivered, but events the collector fails on are held back (isolated poison events).
    const isolated = typeof result === 'object' && result.kind === 'done' ? result.isolated : 0;
    setLastResult(
      isolated ? t('status.result.isolated', { count: isolated }) : t(resultKey(result)),
    );
  };

  const enrollment = snapshot?.enrollment ?? null;
  return (
    <Screen name="device-status" title={t('status.title')}>
      {error ? <p className="notice">{error}</p> : null}
      {snapshot === null ? (
        <p>{t('status.loading')}</p>
      ) : (
        <>
          <dl className="status-list">
            <dt>{t('status.enrollment')}</dt>
            <dd data-testid="status-enrollment">
              {enrollment
                ? t('status.enrolledAt', { helpPoint: enrollment.helpPointId })
                : t('status.notEnrolled')}
            </dd>
            {snapshot.status.needsEnrollment ? (
              <dd className="notice" data-testid="status-needs-enrollment">
                {t('status.needsEnrollment')}
              </dd>
            ) : null}
            <dt>{t('status.queueDepth')}</dt>
            <dd data-testid="status-queue">{snapshot.queueDepth}</dd>
            <dt>{t('status.lastSuccess')}</dt>
            <dd data-testid="status-last-success">{time(snapshot.status.lastSuccessAt)}</dd>
            <dt>{t('status.lastError')}</dt>
            <dd data-testid="status-last-error">
              {snapshot.status.lastError ? (
                <>
                  {time(snapshot.status.lastError.at)}:{' '}
                  <code lang="en">{snapshot.status.lastError.message}</code>
                </>
              ) : (
                t('status.none')
              )}
            </dd>
            <dt>{t('status.clock')}</dt>
            <ClockStatus skewMs={snapshot.status.clockSkewMs} />
            <dt>{t('status.network')}</dt>
            <dd>{snapshot.online ? t('status.online') : t('status.offline')}</dd>
            <dt>{t('status.storage')}</dt>
            <dd>
              {t('status.storageUse', {
                used: megabytes(snapshot.storage.usage),
                quota: megabytes(snapshot.storage.quota),
              })}
            </dd>
            <dt>{t('status.persistent')}</dt>
            <dd data-testid="status-persistent">
              {snapshot.storage.persisted === null
                ? '–'
                : snapshot.storage.persisted
                  ? t('status.yes')
                  : t('status.no')}
            </dd>
            <dt>{t('status.appVersion')}</dt>
            <dd>{appVersion}</dd>
            <LinkAgeStatus links={links} />
            <dt>{t('status.helpPoint')}</dt>
            <dd data-testid="status-help-point">
              <code>{identity?.helpPointId ?? '–'}</code>
            </dd>
            <dt>{t('status.deviceId')}</dt>
            <dd data-testid="status-device-id">
              <code>{identity?.deviceId ?? '–'}</code>
            </dd>
            {enrollment ? (
              <>
                <dt>{t('status.collector')}</dt>
                <dd>
                  <code>{enrollment.collectorUrl}</code>
                </dd>
              </>
            ) : null}
          </dl>
          <DeadLetters
            count={snapshot.deadLetterCount}
            letters={snapshot.deadLetters}
            purged={snapshot.status.deadLettersPurged}
            time={time}
            onResend={async () => (source ? source.resendDeadLetters() : 0)}
          />
        </>
      )}
      <p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void runSync()}
          disabled={progress.running || source === null}
          data-testid="sync-now"
        >
          {t('status.syncNow')}
        </button>
      </p>
      <p aria-live="polite" data-testid="sync-progress">
        {progress.running
          ? t('status.syncing', { sent: progress.acknowledged, left: progress.remaining ?? '…' })
          : (lastResult ?? '')}
      </p>
      {onClose ? (
        <BackButton label={t('status.close')} onBack={onClose} testId="status-close" />
      ) : null}
    </Screen>
  );
}
