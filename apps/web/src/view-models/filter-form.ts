// The filter bar's controls, with the current filters selected, so the form mirrors the URL.
import { LOG_LEVELS } from '@logline/log-schema';
import type { LogFilters } from '../filters/log-filters';
import { describeTimeRange } from './format-time';
import { levelBadgeClass } from './log-row';

const TIME_RANGES = ['5m', '15m', '1h', '24h', '7d'] as const;
const PAGE_SIZES = [50, 100, 200, 500] as const;

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly selected: boolean;
}

export interface FilterForm {
  readonly q: string;
  readonly sources: string;
  readonly levels: readonly { value: string; badgeClass: string; checked: boolean }[];
  readonly ranges: readonly Option[];
  /** Filters from the URL that the form has no control for (end time, producers), kept as they are. */
  readonly hidden: readonly { name: string; value: string }[];
  readonly pageSizes: readonly Option[];
  readonly orders: readonly Option[];
  readonly live: boolean;
}

export function buildFilterForm(filters: LogFilters): FilterForm {
  const from = filters.from ?? 'all';
  const rangeValues: string[] = ['all', ...TIME_RANGES];
  const sizeValues = PAGE_SIZES.map(String);
  return {
    q: filters.q ?? '',
    sources: filters.sources.join(', '),
    levels: LOG_LEVELS.map((level) => ({
      value: level,
      badgeClass: levelBadgeClass(level),
      checked: filters.levels.includes(level),
    })),
    ranges: withCurrent(rangeValues, from).map((value) => ({
      value,
      label: describeTimeRange(value === 'all' ? undefined : value, undefined),
      selected: value === from,
    })),
    hidden: [
      ...(filters.to === undefined ? [] : [{ name: 'to', value: filters.to }]),
      ...filters.producerIds.map((value) => ({ name: 'producer_id', value })),
    ],
    pageSizes: withCurrent(sizeValues, String(filters.limit))
      .sort((a, b) => Number(a) - Number(b))
      .map((value) => ({
      value,
      label: `${value} rows`,
      selected: value === String(filters.limit),
    })),
    orders: [
      { value: 'desc', label: 'Newest first', selected: filters.order === 'desc' },
      { value: 'asc', label: 'Oldest first', selected: filters.order === 'asc' },
    ],
    live: filters.live,
  };
}

/** The preset values, plus the current one if a hand-written URL chose something else. */
function withCurrent(presets: readonly string[], current: string): string[] {
  return presets.includes(current) ? [...presets] : [...presets, current];
}
