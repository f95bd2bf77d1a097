/**
 * A pretend email to write and "send". Nothing leaves the kiosk and nothing is kept: the
 * words live in this component's state and vanish with the step or the visit.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PracticeDone } from './PracticeDone';

export function EmailPractice({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="practice pretend-email"
      aria-label={t('practice.emailLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        if (subject.trim() === '' || message.trim() === '') {
          setMissing(true);
          return;
        }
        setSent(true);
        onDone();
      }}
    >
      <p className="pretend-badge">{t('practice.pretend')}</p>
      <p>
        <span className="field-label">{t('practice.emailTo')}</span>
        <span dir="ltr">{t('practice.emailAddress')}</span>
      </p>
      <label htmlFor={`${id}-subject`} className="field-label">
        {t('practice.emailSubject')}
      </label>
      <input
        id={`${id}-subject`}
        className="input input--wide input--large"
        autoComplete="off"
        value={subject}
        data-testid="email-subject"
        onChange={(event) => setSubject(event.target.value)}
      />
      <label htmlFor={`${id}-message`} className="field-label">
        {t('practice.emailMessage')}
      </label>
      <textarea
        id={`${id}-message`}
        className="input input--multiline"
        rows={4}
        autoComplete="off"
        value={message}
        data-testid="email-message"
        onChange={(event) => setMessage(event.target.value)}
      />
      {missing && !sent ? <p role="alert">{t('practice.emailMissing')}</p> : null}
      <p>
        <button
          type="submit"
          className="button button--primary"
          data-testid="email-send"
          disabled={sent}
        >
          {t('practice.emailSend')}
        </button>
      </p>
      <PracticeDone done={sent} text={t('practice.emailSent')} />
    </form>
  );
}
