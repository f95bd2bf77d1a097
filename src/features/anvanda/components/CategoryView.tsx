/** One category's errands, as big buttons, with a way back to the search. */
import { useTranslation } from 'react-i18next';
import { BackButton } from '../../../components/BackButton';
import { Screen } from '../../../components/Screen';
import type { CategoryCode } from '../catalogue/catalogue-schema';
import type { LoadedCatalogue } from '../catalogue/load-catalogue';
import type { FoundBy } from '../../../protocol/vocabulary';
import { ErrandList } from './ErrandList';

interface CategoryViewProps {
  catalogue: LoadedCatalogue;
  category: CategoryCode;
  onOpenErrand: (errandId: string, foundBy: FoundBy) => void;
  onBack: () => void;
}

export function CategoryView({ catalogue, category, onOpenErrand, onBack }: CategoryViewProps) {
  const { t } = useTranslation();
  const text = catalogue.texts.categories[category];
  const errandIds = catalogue.facts.errands
    .filter((errand) => errand.category === category)
    .map((errand) => errand.id);
  return (
    <Screen name="anvanda-category" title={text?.title ?? category} lead={text?.description}>
      <ErrandList
        catalogue={catalogue}
        errandIds={errandIds}
        foundBy="category"
        onOpen={onOpenErrand}
        testId="category-errands"
      />
      <BackButton label={t('anvanda.backToSearch')} onBack={onBack} testId="back-to-search" />
    </Screen>
  );
}
