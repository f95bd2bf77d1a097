/**
 * The logs the collector refused, with their reasons, how many were deleted after the retention
 * period, and "send again" for when the collector has been fixed (e.g. after `collector-error`).
 * Sending again asks first, with the count, because it puts every dead letter back in the queue.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetter } from '../../../db/database';
import { DeadLetterReason } from './DeadLetterReason';

interface DeadLettersProps {
  count: number;
  letters: DeadLetter[];
  purged: number;
  time: (epoch: number) => string;
  /** Puts every dead letter back in the outbox; resolves with how many. */
  onResend: () => Promise<number>;
}

export function DeadLetters({ count, letters, purged, time, onResend }: DeadLettersProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [resent, setResent] = useState<number | null>(null);
  const resend = async () => {
    setConfirming(false);
    setResent(await onResend());
  };
  return (
    <section aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title">{t('status.deadLetters')}</h2>
      <p data-testid="status-dead-letters">{t('status.deadLetterCount', { count })}</p>
      <p data-testid="status-dead-letters-purged">
        {t('status.deadLettersPurged', { count: purged })}
      </p>
      {letters.length > 0 ? (
        <ul className="dead-letters">
          {letters.map((letter) => (
            <li key={letter.id}>
              {time(letter.at)} · {letter.event.type} · <DeadLetterReason reason={letter.reason} />
            </li>
          ))}
        </ul>
      ) : null}
      {count > 0 && !confirming ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setResent(null);
              setConfirming(true);
            }}
            data-testid="dead-letters-resend"
          >
            {t('status.resend')}
          </button>
        </p>
      ) : null}
      {confirming ? (
        <div className="notice" role="group" aria-labelledby="dead-letters-confirm">
          <p id="dead-letters-confirm">{t('status.resendConfirm', { count })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void resend()}
              data-testid="dead-letters-resend-confirm"
            >
              {t('status.resendYes')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(false)}
            >
              {t('status.resendCancel')}
            </button>
          </div>
        </div>
      ) : null}
      {resent !== null ? (
        <p aria-live="polite" data-testid="dead-letters-resent">
          {t('status.resent', { count: resent })}
        </p>
      ) : null}
    </section>
  );
}
