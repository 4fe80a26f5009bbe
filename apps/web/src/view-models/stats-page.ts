// The explorer in stats mode: the search ends in `| stats …`, so it shows groups instead of rows.
import type { StatsResult } from '@logline/api-contract';
import type { LogFilters } from '../filters/log-filters';
import { buildFieldStatsView, listFieldLinks, type FieldLink, type FieldStatsView } from './field-stats-view';
import { buildFilterForm, type FilterForm } from './filter-form';
import type { ApiStatus, FieldPanel } from './logs-page';
import { buildSaveSearchForm, type SaveSearchForm } from './save-search-form';
import { buildStatsView, type StatsView } from './stats-view';

export interface StatsPageView {
  readonly title: string;
  readonly apiStatus: ApiStatus;
  readonly form: FilterForm;
  readonly stats: StatsView;
  readonly facets: readonly never[];
  readonly fields: readonly FieldLink[];
  readonly fieldStats?: FieldStatsView;
  readonly saveSearch: SaveSearchForm;
}

export function buildStatsPage(filters: LogFilters, stats: StatsResult, elapsedMs: number, panel?: FieldPanel): StatsPageView {
  return {
    title: 'Stats',
    apiStatus: { tone: 'ok', text: `API ok · ${elapsedMs} ms` },
    form: buildFilterForm(filters),
    stats: buildStatsView(stats, filters),
    facets: [],
    fields: listFieldLinks(filters, [], panel?.field),
    fieldStats: panel?.stats && buildFieldStatsView(panel.stats, filters),
    saveSearch: buildSaveSearchForm(filters),
  };
}
