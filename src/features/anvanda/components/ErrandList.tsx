/** A list of errands as big buttons: title, the agency's Swedish name and the e-ID need. */
import { useTranslation } from 'react-i18next';
import type { LoadedCatalogue } from '../catalogue/load-catalogue';
import type { FoundBy } from '../../../protocol/vocabulary';

interface ErrandListProps {
  catalogue: LoadedCatalogue;
  errandIds: string[];
  foundBy: FoundBy;
  onOpen: (errandId: string, foundBy: FoundBy) => void;
  testId: string;
}

export function ErrandList({ catalogue, errandIds, foundBy, onOpen, testId }: ErrandListProps) {
  const { t } = useTranslation();
  return (
    <ul className="errand-list" data-testid={testId}>
      {errandIds.map((id) => {
        const facts = catalogue.errandsById.get(id);
        const texts = catalogue.texts.errands[id];
        if (!facts || !texts) return null;
        const inSwedish = catalogue.swedishFallback.has(id);
        return (
          <li key={id}>
            <button
              type="button"
              className="button errand-link"
              data-errand={id}
              onClick={() => onOpen(id, foundBy)}
            >
              <span className="errand-link__title" lang={inSwedish ? 'sv' : undefined}>
                {texts.title}
              </span>
              <span className="errand-link__meta">
                <span lang="sv">{catalogue.facts.agencies[facts.agency]?.name}</span>
                {' · '}
                {t(`errand.eleg.${facts.eLegitimation}`)}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
