/**
 * One errand: what it is in plain words, the e-legitimation badge with the route that needs
 * none beside it, the choices (continue on the phone, ask the staff, and, where the help point
 * allows it, open here), what to have ready, the steps and the contact details. Addresses are
 * shown as text, not links: a tap must never carry the kiosk away from the help point.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRelay } from '../flow/anvanda-machine';
import { BackButton } from '../../../components/BackButton';
import { Screen } from '../../../components/Screen';
import { Icon } from '../../../components/Icon';
import type { LoadedCatalogue } from '../catalogue/load-catalogue';
import { languagePageFor } from '../catalogue/errand-links';
import { ErrandChoicePanel, type ErrandPanel, type QrTarget } from './ErrandChoicePanel';

interface ErrandPageProps {
  catalogue: LoadedCatalogue;
  errandId: string;
  panel: ErrandPanel;
  staffRelay: StaffRelay | null;
  mayOpenOnKiosk: boolean;
  backLabel: string;
  onShowPhone: () => void;
  onShowStaff: () => void;
  onAskOpenOnKiosk: () => void;
  onConfirmOpenOnKiosk: () => void;
  onClosePanel: () => void;
  onBack: () => void;
}

export function ErrandPage(props: ErrandPageProps) {
  const { catalogue, errandId, panel, mayOpenOnKiosk, backLabel } = props;
  const { t } = useTranslation();
  const [qrTarget, setQrTarget] = useState<QrTarget>('swedish');
  const facts = catalogue.errandsById.get(errandId);
  const texts = catalogue.texts.errands[errandId];
  if (!facts || !texts) return null;
  const agency = catalogue.facts.agencies[facts.agency];
  const textLang = catalogue.swedishFallback.has(errandId) ? 'sv' : undefined;
  const phoneAddress = facts.eServiceUrl ?? facts.contact.website ?? agency?.website ?? null;
  // The agency's own page in the visitor's language, offered beside the (Swedish) e-service.
  const languagePage = languagePageFor(facts.languagePages, catalogue.language);
  const languageLabel = languagePage
    ? t(
        languagePage.scope === 'errand'
          ? 'errand.languagePageErrand'
          : 'errand.languagePageGeneral',
        {
          agency: agency?.name ?? '',
        },
      )
    : null;
  const showQr = (target: QrTarget) => {
    setQrTarget(target);
    props.onShowPhone();
  };
  const qrAddress = qrTarget === 'language' && languagePage ? languagePage.url : phoneAddress;

  return (
    <Screen
      name="errand"
      title={<span lang={textLang}>{texts.title}</span>}
      lead={<span lang={textLang}>{texts.description}</span>}
    >
      <p className="errand__agency">
        <span className="errand__agency-name" lang="sv">
          {agency?.name}
        </span>{' '}
        – {catalogue.texts.agencies[facts.agency]}
      </p>

      <section className={`card eleg eleg--${facts.eLegitimation}`} aria-labelledby="eleg-badge">
        <h2 id="eleg-badge" className="eleg__badge" data-testid="eleg-badge">
          <Icon name="info" /> {t(`errand.eleg.${facts.eLegitimation}`)}
        </h2>
        <h3>{t('errand.withoutElegTitle')}</h3>
        <p lang={textLang}>{texts.withoutELeg}</p>
        <ul className="errand__routes">
          {facts.routesWithoutELeg.map((route) => (
            <li key={route}>{catalogue.texts.routes[route]}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="choices-title">
        <h2 id="choices-title">{t('errand.choicesTitle')}</h2>
        {facts.eServiceUrl === null ? <p>{t('errand.localNote')}</p> : null}
        <div className="button-row">
          {phoneAddress ? (
            <button
              type="button"
              className="button button--primary button--choice"
              aria-expanded={panel === 'phone' && qrTarget === 'swedish'}
              onClick={() => showQr('swedish')}
              data-choice="phone"
            >
              {t('errand.phoneButton')}
            </button>
          ) : null}
          {languagePage ? (
            <button
              type="button"
              className="button button--secondary button--choice"
              aria-expanded={panel === 'phone' && qrTarget === 'language'}
              onClick={() => showQr('language')}
              data-choice="language-page"
            >
              {languageLabel}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--primary button--choice"
            aria-expanded={panel === 'staff'}
            onClick={props.onShowStaff}
            data-choice="staff"
          >
            <Icon name="person" /> {t('errand.staffButton')}
          </button>
          {mayOpenOnKiosk ? (
            <button
              type="button"
              className="button button--secondary button--choice"
              aria-expanded={panel === 'kioskWarning'}
              onClick={props.onAskOpenOnKiosk}
              data-choice="kiosk"
            >
              {t('errand.kioskButton')}
            </button>
          ) : null}
        </div>
        <ErrandChoicePanel
          panel={panel}
          staffRelay={props.staffRelay}
          address={qrAddress}
          qrChoice={
            languagePage && languageLabel && phoneAddress
              ? { target: qrTarget, languageLabel, onChoose: setQrTarget }
              : null
          }
          onConfirmOpenOnKiosk={props.onConfirmOpenOnKiosk}
          onClose={props.onClosePanel}
        />
      </section>

      <section aria-labelledby="ready-title">
        <h2 id="ready-title">{t('errand.readyTitle')}</h2>
        <ul lang={textLang}>
          {texts.ready.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('errand.stepsTitle')}</h2>
        <ol lang={textLang}>
          {texts.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="contact-title">
        <h2 id="contact-title" className="card__title">
          {t('errand.contactTitle')}
        </h2>
        <dl className="errand__contact">
          {facts.contact.phone ? (
            <>
              <dt>{t('errand.contactPhone')}</dt>
              <dd>
                <bdi dir="ltr">{facts.contact.phone}</bdi>
              </dd>
            </>
          ) : null}
          {facts.contact.website ? (
            <>
              <dt>{t('errand.contactWebsite')}</dt>
              <dd>
                <bdi dir="ltr">{facts.contact.website.replace(/^https:\/\//, '')}</bdi>
              </dd>
            </>
          ) : null}
          <dt>{t('errand.contactVisit')}</dt>
          <dd>{catalogue.texts.visits[facts.contact.visit]}</dd>
        </dl>
      </section>

      <BackButton label={backLabel} onBack={props.onBack} testId="errand-back" />
    </Screen>
  );
}
