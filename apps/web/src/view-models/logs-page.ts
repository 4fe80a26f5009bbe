// Shapes one page of api results for the logs page and its auto-refreshed fragment.
import type { Facets, FieldStats, Histogram, SortKey } from '@logline/api-contract';
import type { StoredLog } from '@logline/log-schema';
import type { LogsPage } from '../api-client/logs-page';
import { toSearchParams, type LogFilters } from '../filters/log-filters';
import { buildFacetViews, withFacetValue, type FacetView } from './facets-view';
import { buildFieldStatsView, listFieldLinks, type FieldLink, type FieldStatsView } from './field-stats-view';
import { buildHistogramView, type HistogramView } from './histogram-view';
import { buildFilterForm, type FilterForm } from './filter-form';
import { describeTimeRange } from './format-time';
import { toLogRowView, type LogRowView } from './log-row';
import { logsPageHref, pageLinks, type PageLinks } from './page-links';
import { patternsPageHref } from './patterns-page';
import { buildSaveSearchForm, type SaveSearchForm } from './save-search-form';

/** The header bar's api indicator. */
export interface ApiStatus {
  readonly tone: 'ok' | 'down';
  readonly text: string;
}

/** A row whose level and source link to the same view narrowed to that value. */
export type ResultRow = LogRowView & { levelHref: string; sourceHref: string };

/** A column header that sorts by it; clicking the current sort reverses it. */
export interface SortHeader {
  readonly label: string;
  readonly className: string;
  readonly href: string;
  /** ▼ or ▲ on the current sort column. */
  readonly arrow: string;
  readonly ariaSort: 'ascending' | 'descending' | 'none';
}

export interface ResultsView extends PageLinks {
  readonly rows: readonly ResultRow[];
  readonly headers: readonly SortHeader[];
  readonly summary: string;
  readonly rangeText: string;
  readonly orderText: string;
  /** What to try when nothing matched. */
  readonly emptyHint: string;
  /** Live tail only makes sense on the first page of the newest-first order. */
  readonly liveAvailable: boolean;
  /** Where the live tail starts (epoch ms): a little before this page was read, so no event falls between. */
  readonly liveSince: number;
  readonly apiStatus: ApiStatus;
}

export interface LogsPageView {
  readonly title: string;
  readonly apiStatus: ApiStatus;
  readonly form: FilterForm;
  readonly results: ResultsView;
  readonly histogram?: HistogramView;
  readonly facets: readonly FacetView[];
  readonly exportLinks: readonly { href: string; label: string }[];
  /** The Patterns view of the same filters. */
  readonly patternsHref: string;
  /** Said when the rows are narrowed to patterns or some are hidden, with a link that clears that. */
  readonly patternFilter?: { readonly text: string; readonly clearHref: string };
  readonly fields: readonly FieldLink[];
  readonly fieldStats?: FieldStatsView;
  readonly saveSearch: SaveSearchForm;
}

/** The field panel the reader opened by clicking a field name, and its statistics. */
export interface FieldPanel {
  readonly field: string;
  readonly stats?: FieldStats;
}

/** What the explorer shows beside the rows: the chart and the facets. */
export interface ExplorerExtras {
  readonly histogram: Histogram;
  readonly facets: Facets;
  readonly facetLimit: number;
}

/**
 * How far before the page's read the live tail starts. Events stored in that overlap arrive
 * again and the page's script drops the ids it already shows; an insert still running when the
 * page was read is covered by the tail's own watermark.
 */
export const LIVE_OVERLAP_MS = 5000;

/** One row of results, with its filter links. */
export function toResultRow(filters: LogFilters, log: StoredLog): ResultRow {
  return {
    ...toLogRowView(log),
    levelHref: logsPageHref(withFacetValue(filters, 'level', log.log_level)),
    sourceHref: logsPageHref(withFacetValue(filters, 'source', log.source)),
  };
}

export function buildResults(filters: LogFilters, page: LogsPage): ResultsView {
  const count = page.rows.length;
  const narrowed =
    filters.levels.length + filters.sources.length + filters.producerIds.length > 0 ||
    [filters.q, filters.from, filters.to].some((value) => value !== undefined);
  return {
    rows: page.rows.map((log) => toResultRow(filters, log)),
    headers: sortHeaders(filters),
    summary: `${count} ${count === 1 ? 'row' : 'rows'}${page.nextCursor === null ? '' : ', more available'}`,
    rangeText: describeTimeRange(filters.from, filters.to),
    orderText: filters.order === 'desc' ? 'newest first' : 'oldest first',
    ...pageLinks(filters, page.nextCursor, page.prevCursor),
    emptyHint: narrowed
      ? 'No logs match these filters. Widen the time range or clear a filter.'
      : 'No logs stored yet. Send some with the generator: npx nx serve generator',
    liveAvailable:
      filters.cursor === undefined && filters.before === undefined && filters.order === 'desc' && filters.sort === 'time' && filters.to === undefined,
    liveSince: page.readAtMs - LIVE_OVERLAP_MS,
    apiStatus: { tone: 'ok', text: `API ok · ${page.elapsedMs} ms` },
  };
}

const SORTABLE: readonly { sort: SortKey; label: string; className: string; first: 'asc' | 'desc' }[] = [
  { sort: 'time', label: 'Timestamp', className: 'col-time', first: 'desc' },
  { sort: 'level', label: 'Level', className: 'col-level', first: 'desc' },
  { sort: 'source', label: 'Source', className: 'col-source', first: 'asc' },
];

function sortHeaders(filters: LogFilters): SortHeader[] {
  return SORTABLE.map(({ sort, label, className, first }) => {
    const current = filters.sort === sort;
    const order = current ? (filters.order === 'desc' ? 'asc' : 'desc') : first;
    return {
      label,
      className,
      href: logsPageHref({ ...filters, sort, order, live: false }),
      arrow: current ? (filters.order === 'desc' ? '▼' : '▲') : '',
      ariaSort: current ? (filters.order === 'desc' ? 'descending' : 'ascending') : 'none',
    };
  });
}

export function buildLogsPage(filters: LogFilters, page: LogsPage, extras?: ExplorerExtras, panel?: FieldPanel): LogsPageView {
  const results = buildResults(filters, page);
  const query = toSearchParams(filters, {});
  return {
    title: 'Logs',
    apiStatus: results.apiStatus,
    form: buildFilterForm(filters),
    results,
    histogram: extras ? buildHistogramView(extras.histogram, filters) : undefined,
    facets: extras ? buildFacetViews(extras.facets, filters, extras.facetLimit) : [],
    exportLinks: (['ndjson', 'csv'] as const).map((format) => ({
      href: `/export?${query.toString()}&format=${format}`,
      label: `Export ${format.toUpperCase()}`,
    })),
    fields: listFieldLinks(filters, page.rows, panel?.field),
    fieldStats: panel?.stats && buildFieldStatsView(panel.stats, filters),
    saveSearch: buildSaveSearchForm(filters),
    patternsHref: patternsPageHref(filters),
    patternFilter: describePatternFilter(filters),
  };
}

function describePatternFilter(filters: LogFilters): LogsPageView['patternFilter'] {
  const shown = filters.patternIds.length;
  const hidden = filters.excludedPatternIds.length;
  if (shown === 0 && hidden === 0) return undefined;
  const parts = [shown > 0 ? `${shown} pattern${shown === 1 ? '' : 's'} only` : '', hidden > 0 ? `${hidden} pattern${hidden === 1 ? '' : 's'} hidden` : ''];
  return {
    text: parts.filter((part) => part !== '').join(', '),
    clearHref: logsPageHref({ ...filters, patternIds: [], excludedPatternIds: [], cursor: undefined, before: undefined }),
  };
}
