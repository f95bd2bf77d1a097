/** Builds a view's answer: one series, or two when comparing, with its rules and ignored filters. */
import type {
  FilterName,
  ViewFilter,
  ViewId,
  ViewResponse,
  ViewSeries,
} from '../../../../src/protocol/dashboard';
import type { VisibleHelpPoint } from './access-contract';
import { VIEW_FILTERS, VIEW_RULES } from './counting-rules';
import type { StatisticsStore } from './statistics-store';

export interface ResolvedScope {
  from: string;
  to: string;
  helpPoints: VisibleHelpPoint[];
}

export async function buildViewResponse(
  statistics: StatisticsStore,
  view: ViewId,
  scopes: ResolvedScope[],
  filter: Pick<ViewFilter, 'channel' | 'language'>,
): Promise<ViewResponse> {
  const applies = VIEW_FILTERS[view];
  const ignoredFilters = (['channel', 'language'] as FilterName[]).filter(
    (name) => filter[name] !== undefined && !applies.includes(name),
  );
  const series: ViewSeries[] = [];
  for (const scope of scopes) {
    const helpPointIds = scope.helpPoints.map((hp) => hp.id);
    const data = await statistics.view(view, {
      helpPointIds,
      fromDay: scope.from,
      toDay: scope.to,
      ...(filter.channel !== undefined && applies.includes('channel')
        ? { channel: filter.channel }
        : {}),
      ...(filter.language !== undefined && applies.includes('language')
        ? { language: filter.language }
        : {}),
    });
    // Two help points over one period are told apart by name, anything else by its period.
    const byHelpPoint =
      scopes.length > 1 && scopes[1]?.from === scopes[0]?.from && scopes[1]?.to === scopes[0]?.to;
    const label = byHelpPoint
      ? scope.helpPoints.map((hp) => hp.name).join(', ')
      : `${scope.from} – ${scope.to}`;
    series.push({ label, from: scope.from, to: scope.to, helpPointIds, ...data });
  }
  return { view, rules: VIEW_RULES[view], ignoredFilters, series };
}
