/** Använda's entry screen: what the section is for, e-legitimation in plain words, and the desk. */
import { useTranslation } from 'react-i18next';
import { SectionScreen } from '../../../components/SectionScreen';
import { StaffedDeskCard } from '../../../components/StaffedDeskCard';

export function AnvandaScreen({ onBackHome }: { onBackHome: () => void }) {
  const { t } = useTranslation();
  return (
    <SectionScreen
      name="anvanda"
      title={t('anvanda.title')}
      swedishTitle="Använda"
      lead={t('anvanda.lead')}
      onBackHome={onBackHome}
    >
      <section className="card" aria-labelledby="eleg-title">
        <h2 id="eleg-title" className="card__title">
          {t('anvanda.elegTitle')}
        </h2>
        <p>{t('anvanda.elegText')}</p>
      </section>
      <StaffedDeskCard />
    </SectionScreen>
  );
}
