/** Testa's entry screen: trying technology at the help point starts with the staff. */
import { useTranslation } from 'react-i18next';
import { SectionScreen } from '../../../components/SectionScreen';
import { StaffedDeskCard } from '../../../components/StaffedDeskCard';

export function TestaScreen({ onBackHome }: { onBackHome: () => void }) {
  const { t } = useTranslation();
  return (
    <SectionScreen
      name="testa"
      title={t('testa.title')}
      swedishTitle="Testa"
      lead={t('testa.lead')}
      onBackHome={onBackHome}
    >
      <p className="card">{t('testa.borrowText')}</p>
      <StaffedDeskCard />
    </SectionScreen>
  );
}
