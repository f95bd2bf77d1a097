/** The start page: the shared filters and a way into every view. */
import { useTranslation } from 'react-i18next';
import { VIEW_IDS, type Me, type ViewFilters } from '../api-types';
import { Filters } from '../components/Filters';

export function OverviewScreen(props: {
  me: Me;
  filters: ViewFilters;
  setFilters: (f: ViewFilters) => void;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <section>
      <h1 tabIndex={-1}>{t('overview.title')}</h1>
      <Filters me={props.me} filters={props.filters} onApply={props.setFilters} />
      <h2>{t('overview.views')}</h2>
      <ul className="cards">
        {VIEW_IDS.map((view) => (
          <li key={view}>
            <a href={`#/views/${view}`}>{t(`views.${view}.title`)}</a>
            <p>{t(`views.${view}.description`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
