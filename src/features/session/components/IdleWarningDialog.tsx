/**
 * The idle warning (WCAG 2.2.1 Timing Adjustable): a modal dialog with a visible countdown and
 * one big "I need more time" button. The native <dialog> makes the rest of the page inert and
 * keeps keyboard focus inside while it is open.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';
import '../../../components/dialog.css';
import './session.css';

interface IdleWarningDialogProps {
  endsAt: number;
  onMoreTime: () => void;
  onEndNow: () => void;
}

function secondsLeft(endsAt: number): number {
  return Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
}

export function IdleWarningDialog({ endsAt, onMoreTime, onEndNow }: IdleWarningDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [left, setLeft] = useState(() => secondsLeft(endsAt));

  useEffect(() => {
    const dialog = dialogRef.current;
    // showModal() focuses the first control: the big "more time" button, the one that matters.
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    const timer = window.setInterval(() => setLeft(secondsLeft(endsAt)), 250);
    return () => window.clearInterval(timer);
  }, [endsAt]);

  // Announce only every ten seconds (and the last five), so a screen reader is not flooded.
  const announce = left % 10 === 0 || left <= 5;

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-explain"
      data-testid="idle-warning"
      onCancel={(event) => {
        // Escape must not silently dismiss the warning: it means "more time".
        event.preventDefault();
        onMoreTime();
      }}
    >
      <h2 id="idle-title" className="dialog__title">
        <Icon name="clock" /> {t('idle.title')}
      </h2>
      <p
        className="idle-warning__countdown"
        role="timer"
        aria-live="off"
        data-testid="idle-countdown"
      >
        {t('idle.countdown', { count: left })}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announce ? t('idle.countdown', { count: left }) : ''}
      </p>
      <p id="idle-explain">{t('idle.explain')}</p>
      <button
        type="button"
        className="button button--primary button--huge"
        onClick={onMoreTime}
        data-testid="more-time"
      >
        {t('idle.moreTime')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={onEndNow}
        data-testid="end-now"
      >
        {t('idle.endNow')}
      </button>
    </dialog>
  );
}
