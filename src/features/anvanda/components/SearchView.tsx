/**
 * The Använda screen's first view: the search box comes first, because visitors type their
 * errand into the first box they see. Results follow every keystroke: errands first, then
 * categories; with no hit, suggestions, the categories and the staffed desk, never nothing.
 * The text stays in the flow's memory only: autocomplete is off so the browser keeps no
 * history of it, and it is never logged.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionScreen } from '../../../components/SectionScreen';
import { StaffedDeskCard } from '../../../components/StaffedDeskCard';
import type { CategoryCode } from '../catalogue/catalogue-schema';
import type { LoadedCatalogue } from '../catalogue/load-catalogue';
import { MAX_QUERY_LENGTH, type SearchResults } from '../catalogue/search-results';
import type { FoundBy } from '../../../protocol/vocabulary';
import { CategoryTiles } from './CategoryTiles';
import { ErrandList } from './ErrandList';

interface SearchViewProps {
  catalogue: LoadedCatalogue;
  query: string;
  results: SearchResults;
  onType: (query: string) => void;
  onOpenErrand: (errandId: string, foundBy: FoundBy) => void;
  onOpenCategory: (category: CategoryCode) => void;
  onBackHome: () => void;
}

/** Announce the number of hits once typing pauses, so a screen reader is not flooded. */
function usePausedAnnouncement(text: string): string {
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setAnnounced(text), 700);
    return () => window.clearTimeout(timer);
  }, [text]);
  return announced;
}

export function SearchView(props: SearchViewProps) {
  const { catalogue, query, results, onType, onOpenErrand, onOpenCategory, onBackHome } = props;
  const { t } = useTranslation();
  const searching = query.trim() !== '';
  const noHits = searching && results.errands.length === 0;
  const announcement = usePausedAnnouncement(
    !searching
      ? ''
      : noHits
        ? t('anvanda.noHitsTitle')
        : t('anvanda.resultsCount', { count: results.errands.length }),
  );

  return (
    <SectionScreen
      name="anvanda"
      title={t('anvanda.title')}
      swedishTitle="Använda"
      lead={t('anvanda.lead')}
      onBackHome={onBackHome}
    >
      <form
        role="search"
        className="errand-search"
        onSubmit={(event) => {
          // Never a real submission: Chromium would save the text for autofill.
          event.preventDefault();
          document.getElementById(noHits ? 'no-hits-title' : 'errands-title')?.focus();
        }}
      >
        <label htmlFor="errand-search" className="errand-search__label">
          {t('anvanda.searchLabel')}
        </label>
        <p id="errand-search-hint" className="errand-search__hint">
          {t('anvanda.searchHint')}
        </p>
        <div className="input-row">
          <input
            id="errand-search"
            className="errand-search__input"
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            maxLength={MAX_QUERY_LENGTH}
            aria-describedby="errand-search-hint"
            value={query}
            onChange={(event) => onType(event.target.value)}
          />
          {searching ? (
            <button type="button" className="button button--secondary" onClick={() => onType('')}>
              {t('anvanda.clearSearch')}
            </button>
          ) : null}
        </div>
      </form>
      <p className="visually-hidden" role="status" data-testid="search-status">
        {announcement}
      </p>

      {searching && !noHits ? (
        <section aria-labelledby="errands-title">
          <h2 id="errands-title" tabIndex={-1}>
            {t('anvanda.errandsTitle')}
          </h2>
          <ErrandList
            catalogue={catalogue}
            errandIds={results.errands.map((hit) => hit.id)}
            foundBy="search"
            onOpen={onOpenErrand}
            testId="search-results"
          />
        </section>
      ) : null}

      {noHits ? (
        <section aria-labelledby="no-hits-title" data-testid="no-hits">
          <h2 id="no-hits-title" tabIndex={-1}>
            {t('anvanda.noHitsTitle')}
          </h2>
          <p>{t('anvanda.noHitsText')}</p>
          {results.suggestions.length > 0 ? (
            <>
              <h3>{t('anvanda.suggestionsTitle')}</h3>
              <ErrandList
                catalogue={catalogue}
                errandIds={results.suggestions.map((hit) => hit.id)}
                foundBy="suggestion"
                onOpen={onOpenErrand}
                testId="suggestions"
              />
            </>
          ) : null}
          <StaffedDeskCard headingLevel={3} />
        </section>
      ) : null}

      {searching && !noHits && results.categories.length > 0 ? (
        <CategoryTiles
          catalogue={catalogue}
          categories={results.categories}
          headingId="category-hits-title"
          title={t('anvanda.categoryHitsTitle')}
          onOpen={onOpenCategory}
        />
      ) : null}

      {!searching || noHits ? (
        <CategoryTiles
          catalogue={catalogue}
          categories={catalogue.facts.categories}
          headingId="browse-title"
          title={t('anvanda.browseTitle')}
          onOpen={onOpenCategory}
        />
      ) : null}

      {!searching ? (
        <>
          <section className="card" aria-labelledby="eleg-title">
            <h2 id="eleg-title" className="card__title">
              {t('anvanda.elegTitle')}
            </h2>
            <p>{t('anvanda.elegText')}</p>
          </section>
          <StaffedDeskCard />
        </>
      ) : null}
    </SectionScreen>
  );
}
