/**
 * The try-it-here demos. The camera check shows the picture and sound level only; the QR code
 * holds a plain message (no web address), so a phone can read it with no network; reading
 * aloud uses the kiosk's voices. What a visitor types here stays in this component.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import { CameraCheck } from '../../../components/CameraCheck';
import { QrCode } from '../../../components/QrCode';
import { ReadAloudButton } from '../../../components/ReadAloudButton';
import { BackButton } from '../../../components/BackButton';
import type { Demo } from '../items/testa-schema';
import { DEMO_KEYS } from './demo-keys';

function ReadAloudDemo({ language }: { language: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => t('testa.demo.readAloud.sample'));
  return (
    <>
      <label htmlFor={id} className="field-label">
        {t('testa.demo.readAloud.label')}
      </label>
      <textarea
        id={id}
        className="input input--multiline"
        rows={4}
        autoComplete="off"
        value={text}
        data-testid="read-aloud-text"
        onChange={(event) => setText(event.target.value)}
      />
      <ReadAloudButton text={text} language={language} />
    </>
  );
}

export function DemoView({
  demo,
  language,
  onBack,
}: {
  demo: Demo;
  language: string;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const key = DEMO_KEYS[demo];
  return (
    <Screen
      name="testa-demo"
      title={t(`testa.demo.${key}.title`)}
      lead={t(`testa.demo.${key}.text`)}
    >
      {demo === 'camera-check' ? <CameraCheck /> : null}
      {demo === 'qr-practice' ? (
        <>
          <p>{t('testa.demo.qr.howTo')}</p>
          <QrCode text={t('testa.demo.qr.message')} label={t('testa.demo.qr.codeLabel')} />
        </>
      ) : null}
      {demo === 'read-aloud' ? <ReadAloudDemo language={language} /> : null}
      <BackButton label={t('testa.backToList')} onBack={onBack} testId="testa-back" />
    </Screen>
  );
}
