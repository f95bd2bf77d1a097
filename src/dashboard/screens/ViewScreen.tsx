/**
 * One view: filters and comparison, then the chart, its one-sentence summary, the visible data
 * table, the counting rules the numbers follow, and the exports of exactly these filters.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { viewExportUrl, viewPath } from '../api';
import {
  EXPORT_FORMATS,
  type Me,
  type ViewFilters,
  type ViewId,
  type ViewResponse,
} from '../api-types';
import { Chart } from '../components/Chart';
import { DataTable } from '../components/DataTable';
import { Filters } from '../components/Filters';
import { summaryFacts } from '../view-model';
import { useLoad } from '../use-load';

interface Props {
  view: ViewId;
  me: Me;
  filters: ViewFilters;
  setFilters: (filters: ViewFilters) => void;
}

export function ViewScreen({ view, me, filters, setFilters }: Props) {
  const { t } = useTranslation('dashboard');
  const [load] = useLoad<ViewResponse>(viewPath(view, filters));
  // Row keys are `${metric}:${code}`; both parts are shown in words where a translation exists.
  const labelOf = useCallback(
    (key: string) => {
      const [metric = '', code = ''] = key.split(':');
      const metricText = t(`metric.${metric}`, { defaultValue: metric });
      return code ? `${metricText}: ${t(`codes.${code}`, { defaultValue: code })}` : metricText;
    },
    [t],
  );
  const title = t(`views.${view}.title`);

  return (
    <section className="view" data-view={view}>
      <h1 tabIndex={-1}>{title}</h1>
      <p>{t(`views.${view}.description`)}</p>
      <Filters me={me} filters={filters} onApply={setFilters} withCompare />
      {load.state === 'loading' && <p role="status">{t('app.loading')}</p>}
      {load.state === 'error' && (
        <p role="alert" className="error">
          {t('error.load', { message: load.message })}
        </p>
      )}
      {load.state === 'ok' && (
        <>
          <Summary response={load.data} labelOf={labelOf} />
          {(load.data.ignoredFilters ?? []).length > 0 && (
            <p className="help">
              {t('filters.ignored', {
                filters: (load.data.ignoredFilters ?? []).map((f) => t(`filters.${f}`)).join(', '),
              })}
            </p>
          )}
          <figure>
            <Chart view={view} response={load.data} label={title} labelOf={labelOf} />
            <figcaption>{t('chart.caption')}</figcaption>
          </figure>
          <DataTable
            response={load.data}
            caption={t('table.caption', { title })}
            labelOf={labelOf}
          />
          <section aria-labelledby="rules-heading" className="rules">
            <h2 id="rules-heading">{t('rules.heading')}</h2>
            <ul>
              {load.data.rules.map((rule) => (
                <li key={rule} data-rule={rule}>
                  {t(`rules.${rule}`, { defaultValue: rule })}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="export-heading" className="exports">
            <h2 id="export-heading">{t('export.heading')}</h2>
            <ul className="buttons">
              {EXPORT_FORMATS.map((format) => (
                <li key={format}>
                  <a
                    className="button"
                    href={viewExportUrl(view, filters, format)}
                    download
                    data-format={format}
                  >
                    {t(`export.${format}`)}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </section>
  );
}

function Summary({
  response,
  labelOf,
}: {
  response: ViewResponse;
  labelOf: (key: string) => string;
}) {
  const { t } = useTranslation('dashboard');
  const facts = summaryFacts(response);
  const [first, second] = response.series;
  if (!facts || !first) return null;
  const sentence = facts.compared
    ? t('summary.compare', {
        a: first.label,
        b: second?.label ?? '',
        totalA: facts.total,
        totalB: facts.compared.total,
        change:
          facts.compared.changePercent === null
            ? t('summary.noChange')
            : t('summary.change', { percent: facts.compared.changePercent }),
      })
    : facts.top
      ? t('summary.single', {
          period: first.label,
          total: facts.total,
          top: labelOf(facts.top.key),
          topValue: facts.top.value,
        })
      : t('summary.empty', { period: first.label });
  return (
    <p className="summary" data-testid="summary">
      {sentence}
    </p>
  );
}
