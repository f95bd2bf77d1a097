/**
 * What a BankID login looks like, as a pretend: choose the method, "scan" the code with the
 * app, enter the security code in the app, logged in. No real data, no network, and the
 * words "pretend" stay on screen throughout so nobody mistakes it for the real thing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Picture } from '../../../components/Picture';
import { PracticeDone } from './PracticeDone';

type Stage = 'choose' | 'scan' | 'code' | 'done';

export function LoginDemo({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>('choose');
  return (
    <section
      className="practice pretend-login"
      aria-label={t('practice.loginLabel')}
      data-stage={stage}
    >
      <p className="pretend-badge">{t('practice.pretend')}</p>
      <h3>{t('practice.loginTitle')}</h3>
      {stage === 'choose' ? (
        <>
          <p>{t('practice.loginChoose')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              data-testid="login-mobile"
              onClick={() => setStage('scan')}
            >
              {t('practice.loginMobile')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setStage('scan')}
            >
              Freja eID+
            </button>
          </div>
        </>
      ) : null}
      {stage === 'scan' ? (
        <>
          <div className="pretend-qr" aria-hidden="true">
            <Picture name="eleg" />
          </div>
          <p>{t('practice.loginScan')}</p>
          <button
            type="button"
            className="button button--primary"
            data-testid="login-scanned"
            onClick={() => setStage('code')}
          >
            {t('practice.loginScanned')}
          </button>
        </>
      ) : null}
      {stage === 'code' ? (
        <>
          <p>{t('practice.loginCode')}</p>
          <button
            type="button"
            className="button button--primary"
            data-testid="login-confirm"
            onClick={() => {
              setStage('done');
              onDone();
            }}
          >
            {t('practice.loginConfirm')}
          </button>
        </>
      ) : null}
      <PracticeDone done={stage === 'done'} text={t('practice.loginDone')} />
    </section>
  );
}
