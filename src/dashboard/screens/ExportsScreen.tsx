/**
 * The exports that leave the municipality: Digidel's question registration, KB's yearly
 * figures, and the agency feedback report (shown as a printable page, with a CSV).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../components/ScrollRegion';
import { exportUrl, request } from '../api';
import { EXPORT_FORMATS, type AgencyFeedbackReport, type Me, type ViewFilters } from '../api-types';
import { AGENCIES } from '../../protocol/vocabulary';
import { HelpPointSelect } from '../components/Filters';

export function ExportsScreen({ me, filters }: { me: Me; filters: ViewFilters }) {
  const { t } = useTranslation('dashboard');
  const [helpPoint, setHelpPoint] = useState<string | undefined>(filters.helpPoint);
  const [year, setYear] = useState(filters.to.slice(0, 4));
  const [agency, setAgency] = useState<string>(AGENCIES[0]);
  const [errand, setErrand] = useState('');
  const [report, setReport] = useState<AgencyFeedbackReport | null>(null);
  const [error, setError] = useState('');
  const period = { from: filters.from, to: filters.to };
  const agencyParams = { agency, errand: errand || undefined, ...period };

  const reportHeading = t('exports.agency.heading', {
    agency: t(`codes.${agency}`, { defaultValue: agency }),
    ...period,
  });

  const showReport = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      const path = exportUrl('agency-feedback', { ...agencyParams, format: 'json' }).replace(
        '/admin/api',
        '',
      );
      setReport(await request<AgencyFeedbackReport>('GET', path));
    } catch (failure) {
      setError(t('error.load', { message: failure instanceof Error ? failure.message : '' }));
    }
  };

  return (
    <section className="exports-page">
      <h1 tabIndex={-1}>{t('exports.title')}</h1>
      <p>{t('exports.period', period)}</p>
      <section aria-labelledby="digidel" className="no-print">
        <h2 id="digidel">{t('exports.digidel.title')}</h2>
        <p>{t('exports.digidel.description')}</p>
        <HelpPointSelect
          me={me}
          label={t('filters.helpPoint')}
          value={helpPoint}
          onChange={setHelpPoint}
        />
        <FormatLinks href={(format) => exportUrl('digidel', { ...period, helpPoint, format })} />
      </section>
      <section aria-labelledby="kb" className="no-print">
        <h2 id="kb">{t('exports.kb.title')}</h2>
        <p>{t('exports.kb.description')}</p>
        <label>
          {t('exports.kb.year')}
          <input
            inputMode="numeric"
            pattern="\d{4}"
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
        </label>
        <FormatLinks href={(format) => exportUrl('kb-year', { year, helpPoint, format })} />
      </section>
      <section aria-labelledby="agency" className="agency-report">
        <h2 id="agency">{t('exports.agency.title')}</h2>
        <p className="no-print">{t('exports.agency.description')}</p>
        <form className="no-print" onSubmit={(event) => void showReport(event)}>
          <label>
            {t('exports.agency.agency')}
            <select value={agency} onChange={(e) => setAgency(e.target.value)}>
              {AGENCIES.map((code) => (
                <option key={code} value={code}>
                  {t(`codes.${code}`, { defaultValue: code })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('exports.agency.errand')}
            <input value={errand} onChange={(e) => setErrand(e.target.value)} />
          </label>
          <button type="submit">{t('exports.agency.show')}</button>
          <a
            className="button"
            href={exportUrl('agency-feedback', { ...agencyParams, format: 'csv' })}
            download
          >
            {t('export.csv')}
          </a>
        </form>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {report && (
          <>
            <p>
              {t('exports.agency.heading', {
                agency: t(`codes.${agency}`, { defaultValue: agency }),
                ...period,
              })}
            </p>
            <p>{t('exports.agency.smallCells')}</p>
            <ScrollRegion label={reportHeading}>
              <table>
                <caption>{t('exports.agency.title')}</caption>
                <thead>
                  <tr>
                    {(['section', 'code', 'value'] as const).map((column) => (
                      <th key={column} scope="col">
                        {t(`exports.agency.column.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((row, index) => (
                    <tr key={index}>
                      <td>{t(`exports.agency.section.${row.section}`)}</td>
                      <td>{row.code ? t(`codes.${row.code}`, { defaultValue: row.code }) : ''}</td>
                      {/* "<3" and hidden cells stay as the collector wrote them: never recomputed. */}
                      <td className="number">{row.value === 'suppressed' ? '–' : row.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            <button type="button" className="no-print" onClick={() => print()}>
              {t('exports.agency.print')}
            </button>
          </>
        )}
      </section>
    </section>
  );
}

function FormatLinks({ href }: { href: (format: string) => string }) {
  const { t } = useTranslation('dashboard');
  return (
    <ul className="buttons">
      {EXPORT_FORMATS.map((format) => (
        <li key={format}>
          <a className="button" href={href(format)} download>
            {t(`export.${format}`)}
          </a>
        </li>
      ))}
    </ul>
  );
}
