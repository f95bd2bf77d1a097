/** The visible data table under every chart: the same numbers, readable by anyone. */
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './ScrollRegion';
import type { ViewResponse } from '../api-types';
import { tableModel } from '../view-model';

export function DataTable(props: {
  response: ViewResponse;
  caption: string;
  labelOf: (key: string) => string;
}) {
  const { t } = useTranslation('dashboard');
  const model = tableModel(props.response);
  return (
    <ScrollRegion label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.group')}</th>
            {model.seriesLabels.map((label) => (
              <th key={label} scope="col" className="number">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{props.labelOf(row.key)}</th>
              {row.values.map((value, index) => (
                <td key={index} className="number">
                  {value ?? '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('table.total')}</th>
            {props.response.series.map((series) => (
              <td key={series.label} className="number">
                {series.total}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
