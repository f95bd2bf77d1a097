/**
 * The staff PIN entry, as a modal dialog over the attract screen. The PIN is held only in this
 * dialog's state while it is open; it is never stored or logged. Wrong tries and the lockout
 * are said in words, with how long to wait.
 */
import { PinInput } from '../../../components/PinInput';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffLockContext } from '../pin/staff-lock-machine';
import '../../../components/dialog.css';
import '../../../components/form.css';
import '../../../components/layout.css';

interface PinDialogProps {
  configured: boolean;
  checking: boolean;
  problem: StaffLockContext['problem'];
  onSubmit: (pin: string) => void;
  onCancel: () => void;
}

export function PinDialog({ configured, checking, problem, onSubmit, onCancel }: PinDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [pin, setPin] = useState('');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const seconds = problem && problem.lockedMs > 0 ? Math.ceil(problem.lockedMs / 1000) : 0;
  let message: string | null = null;
  if (!configured) message = t('staff.notConfigured');
  else if (problem?.kind === 'locked' || seconds > 0) message = t('staff.lockedOut', { seconds });
  else if (problem?.kind === 'wrong') message = t('staff.wrongPin', { count: problem.triesLeft });

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-title`}
      data-testid="pin-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} className="dialog__title">
        {t('staff.pinTitle')}
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!configured || checking) return;
          onSubmit(pin);
          setPin('');
        }}
      >
        {configured ? (
          <>
            <label htmlFor={`${id}-pin`} className="field-label">
              {t('staff.pinLabel')}
            </label>
            <PinInput
              id={`${id}-pin`}
              value={pin}
              onChange={setPin}
              invalid={problem !== null}
              describedBy={message ? `${id}-message` : undefined}
              testId="pin-input"
            />
          </>
        ) : null}
        <p id={`${id}-message`} role="alert" data-testid="pin-message">
          {message}
        </p>
        <div className="button-row">
          {configured ? (
            <button
              type="submit"
              className="button button--primary"
              disabled={checking}
              data-testid="pin-submit"
            >
              {t('staff.pinSubmit')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--secondary"
            onClick={onCancel}
            data-testid="pin-cancel"
          >
            {t('staff.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
