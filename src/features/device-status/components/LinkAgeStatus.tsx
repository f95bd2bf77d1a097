/**
 * How old the catalogue's errand links are, for the staff: the newest and the oldest
 * verification date (each named as such), how many links are unverified home pages and how
 * many are search links. Links age; `npm run check:links` is how they are checked again.
 */
import { useTranslation } from 'react-i18next';

/** The built-in catalogue's link dates (YYYY-MM-DD) and how many are not deep links. */
export interface LinkAge {
  newestVerified: string | null;
  oldestVerified: string | null;
  unverified: number;
  search: number;
}

export function LinkAgeStatus({ links }: { links: LinkAge | null }) {
  const { t, i18n } = useTranslation();
  const day = (date: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${date}T12:00:00Z`),
    );
  return (
    <>
      <dt>{t('status.links')}</dt>
      {links?.newestVerified && links.oldestVerified ? (
        <>
          <dd data-testid="status-links-verified" data-newest={links.newestVerified}>
            {t('status.linksVerified', {
              newest: day(links.newestVerified),
              oldest: day(links.oldestVerified),
            })}
          </dd>
          <dd data-testid="status-links-unverified">
            {t('status.linksUnverified', { count: links.unverified })}
          </dd>
          <dd data-testid="status-links-search">
            {t('status.linksSearch', { count: links.search })}
          </dd>
        </>
      ) : (
        <dd data-testid="status-links-verified">{t('status.linksUnknown')}</dd>
      )}
    </>
  );
}
