/**
 * An enrollment link opened on a device that is already enrolled: nothing changes until staff
 * have seen where the link would move the device (the new collector's host name, beside the
 * current one) and given the staff PIN. The PIN goes through the same check and lockout as
 * staff mode; it is held only in this dialog's state and never stored or logged.
 */
import { PinInput } from '../components/PinInput';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockResult } from '../features/staff/pin/pin-lockout';
import '../components/dialog.css';
import '../components/form.css';
import '../components/layout.css';

interface ReEnrollDialogProps {
  host: string;
  currentHost: string;
  helpPointId: string;
  configured: boolean;
  checkPin: (pin: string) => Promise<UnlockResult>;
  onConfirmed: () => void;
  onCancel: () => void;
}

export function ReEnrollDialog(props: ReEnrollDialogProps) {
  const { host, currentHost, helpPointId, configured, checkPin, onConfirmed, onCancel } = props;
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<UnlockResult | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  let message: string | null = null;
  if (!configured) message = t('staff.notConfigured');
  else if (result?.outcome === 'locked' || (result?.outcome === 'wrong' && result.lockedMs > 0)) {
    message = t('staff.lockedOut', { seconds: Math.ceil(result.lockedMs / 1000) });
  } else if (result?.outcome === 'wrong') {
    message = t('staff.wrongPin', { count: result.triesLeft });
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      data-testid="re-enroll-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} className="dialog__title">
        {t('enrollment.confirmTitle')}
      </h2>
      <p id={`${id}-text`}>
        {t('enrollment.confirmText', { helpPoint: helpPointId, currentHost })}
      </p>
      <p>
        {t('enrollment.confirmNewHost')}{' '}
        <strong dir="ltr" data-testid="re-enroll-host">
          {host}
        </strong>
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!configured || checking) return;
          setChecking(true);
          const given = pin;
          setPin('');
          void checkPin(given)
            .then((outcome) => {
              setResult(outcome);
              if (outcome.outcome === 'unlocked') onConfirmed();
            })
            .finally(() => setChecking(false));
        }}
      >
        {configured ? (
          <>
            <label htmlFor={`${id}-pin`} className="field-label">
              {t('enrollment.confirmPin')}
            </label>
            <PinInput
              id={`${id}-pin`}
              value={pin}
              onChange={setPin}
              invalid={result !== null && result.outcome !== 'unlocked'}
              describedBy={message ? `${id}-message` : undefined}
              testId="re-enroll-pin"
            />
          </>
        ) : null}
        <p id={`${id}-message`} role="alert" data-testid="re-enroll-message">
          {message}
        </p>
        <div className="button-row">
          {configured ? (
            <button
              type="submit"
              className="button button--primary"
              disabled={checking}
              data-testid="re-enroll-submit"
            >
              {t('enrollment.confirmSubmit')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--secondary"
            onClick={onCancel}
            data-testid="re-enroll-cancel"
          >
            {t('enrollment.confirmCancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
