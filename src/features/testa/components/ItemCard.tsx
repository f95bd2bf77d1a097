/** One item's how-to card: what it is, what to try in five minutes, how to start, how to borrow. */
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import type { PictureName } from '../../../components/Picture';
import { PictureBeside } from '../../../components/PictureBeside';
import { ReadAloudButton } from '../../../components/ReadAloudButton';
import { BackButton } from '../../../components/BackButton';
import { StaffedDeskCard } from '../../../components/StaffedDeskCard';
import type { TestaItemTexts } from '../items/testa-schema';

interface ItemCardProps {
  picture: PictureName;
  texts: TestaItemTexts;
  language: string;
  onBack: () => void;
}

export function ItemCard({ picture, texts, language, onBack }: ItemCardProps) {
  const { t } = useTranslation();
  const spoken = [texts.title, texts.what, ...texts.tryIn5, ...texts.howToStart, texts.borrow].join(
    '. ',
  );
  return (
    <Screen name="testa-item" title={texts.title}>
      <PictureBeside picture={picture}>{texts.what}</PictureBeside>
      <ReadAloudButton text={spoken} language={language} />
      <section aria-labelledby="try-title">
        <h2 id="try-title">{t('testa.tryTitle')}</h2>
        <ul>
          {texts.tryIn5.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="start-title">
        <h2 id="start-title">{t('testa.startTitle')}</h2>
        <ol>
          {texts.howToStart.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="borrow-title">
        <h2 id="borrow-title" className="card__title">
          {t('testa.borrowTitle')}
        </h2>
        <p>{texts.borrow}</p>
      </section>
      <StaffedDeskCard />
      <BackButton label={t('testa.backToList')} onBack={onBack} testId="testa-back" />
    </Screen>
  );
}
