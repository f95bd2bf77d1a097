/** Big category tiles, for visitors who would rather browse than type. */
import { useTranslation } from 'react-i18next';
import type { CategoryCode } from '../catalogue/catalogue-schema';
import type { LoadedCatalogue } from '../catalogue/load-catalogue';

interface CategoryTilesProps {
  catalogue: LoadedCatalogue;
  categories: readonly CategoryCode[];
  headingId: string;
  title: string;
  onOpen: (category: CategoryCode) => void;
}

export function CategoryTiles({
  catalogue,
  categories,
  headingId,
  title,
  onOpen,
}: CategoryTilesProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ul className="tile-grid tile-grid--categories">
        {categories.map((category) => {
          const text = catalogue.texts.categories[category];
          const count = catalogue.facts.errands.filter(
            (errand) => errand.category === category,
          ).length;
          return (
            <li key={category}>
              <button
                type="button"
                className="button button--tile category-tile"
                data-category={category}
                onClick={() => onOpen(category)}
              >
                <span className="category-tile__title">{text?.title ?? category}</span>
                <span className="category-tile__count">{t('anvanda.errandCount', { count })}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
