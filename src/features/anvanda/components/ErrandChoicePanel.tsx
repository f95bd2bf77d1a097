/**
 * What opens under the errand's choices: the QR code for the phone, the staffed desk, or the
 * warning before the e-service opens on the kiosk. Its heading takes focus when it opens, so
 * screen-reader and keyboard users land on what they asked for.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRelay } from '../flow/anvanda-machine';
import { StaffedDeskCard } from '../../../components/StaffedDeskCard';
import { QrCode } from '../../../components/QrCode';

export type ErrandPanel = 'overview' | 'phone' | 'staff' | 'kioskWarning';
/** Which address the QR code carries: the (Swedish) e-service or the page in the visitor's language. */
export type QrTarget = 'swedish' | 'language';

interface QrChoice {
  target: QrTarget;
  languageLabel: string;
  onChoose: (target: QrTarget) => void;
}

interface ErrandChoicePanelProps {
  panel: ErrandPanel;
  staffRelay: StaffRelay | null;
  address: string | null;
  /** Present when the agency has a page in the visitor's language as well as the e-service. */
  qrChoice?: QrChoice | null;
  onConfirmOpenOnKiosk: () => void;
  onClose: () => void;
}

export function ErrandChoicePanel({
  panel,
  staffRelay,
  address,
  qrChoice = null,
  onConfirmOpenOnKiosk,
  onClose,
}: ErrandChoicePanelProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (panel !== 'overview') headingRef.current?.focus();
  }, [panel]);
  if (panel === 'overview') return null;

  const close = (
    <button
      type="button"
      className="button button--secondary"
      onClick={onClose}
      data-testid="close-panel"
    >
      {t('errand.closePanel')}
    </button>
  );

  if (panel === 'phone' && address) {
    const shown = address.replace(/^https:\/\//, '');
    return (
      <section className="card choice-panel" aria-labelledby="panel-title" data-panel="phone">
        <h3 id="panel-title" ref={headingRef} tabIndex={-1} className="card__title">
          {t('errand.phoneTitle')}
        </h3>
        <p>{t('errand.phoneText')}</p>
        {qrChoice ? <QrChoiceButtons choice={qrChoice} /> : null}
        <QrCode text={address} label={t('errand.qrLabel', { address: shown })} />
        <p>
          {t('errand.addressLabel')} <bdi dir="ltr">{shown}</bdi>
        </p>
        {close}
      </section>
    );
  }
  if (panel === 'kioskWarning') {
    return (
      <section
        className="card card--warning choice-panel"
        aria-labelledby="panel-title"
        data-panel="kiosk"
      >
        <h3 id="panel-title" ref={headingRef} tabIndex={-1} className="card__title">
          {t('errand.kioskTitle')}
        </h3>
        <p>{t('errand.kioskWarning')}</p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={onConfirmOpenOnKiosk}>
            {t('errand.kioskConfirm')}
          </button>
          {close}
        </div>
      </section>
    );
  }
  return (
    <section className="choice-panel" aria-labelledby="panel-title" data-panel="staff">
      <h3 id="panel-title" ref={headingRef} tabIndex={-1}>
        {t('errand.staffTitle')}
      </h3>
      <p role="status" data-testid="staff-relay" data-relay={staffRelay ?? 'none'}>
        {staffRelay === 'relayed'
          ? t('errand.staffRelayed')
          : staffRelay === 'not-relayed'
            ? t('errand.staffNotRelayed')
            : t('errand.staffSending')}
      </p>
      <p>{t('errand.staffText')}</p>
      <StaffedDeskCard headingLevel={3} />
      {close}
    </section>
  );
}

/** Two toggle buttons: the QR code carries either address, never both at once. */
function QrChoiceButtons({ choice }: { choice: QrChoice }) {
  const { t } = useTranslation();
  const option = (target: QrTarget, label: string) => (
    <button
      type="button"
      className="button button--secondary"
      aria-pressed={choice.target === target}
      onClick={() => choice.onChoose(target)}
      data-qr-target={target}
    >
      {label}
    </button>
  );
  return (
    <div className="qr-choice button-row" role="group" aria-label={t('errand.qrChoiceLabel')}>
      {option('swedish', t('errand.qrSwedish'))}
      {option('language', choice.languageLabel)}
    </div>
  );
}
