// The filter bar's controls, with the current filters selected, so the form mirrors the URL.
import { LOG_LEVELS } from '@logline/log-schema';
import { CUSTOM_RANGE, type LogFilters } from '../filters/log-filters';
import { describeDuration, describeTimeRange } from './format-time';
import { levelBadgeClass } from './log-row';

const TIME_RANGES = ['5m', '15m', '1h', '24h', '7d'] as const;
const PAGE_SIZES = [50, 100, 200, 500] as const;

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly selected: boolean;
}

export interface FilterForm {
  /** The page the form submits to: the explorer, or a view of the same filters (Patterns). */
  readonly action: string;
  readonly q: string;
  readonly sources: string;
  readonly levels: readonly { value: string; badgeClass: string; checked: boolean }[];
  readonly ranges: readonly Option[];
  /** The absolute range's fields (datetime-local, UTC), filled when the range is absolute. */
  readonly start: string;
  readonly end: string;
  /** Filters from the URL that the form has no control for (end time, producers, patterns), kept as they are. */
  readonly hidden: readonly { name: string; value: string }[];
  readonly pageSizes: readonly Option[];
  readonly orders: readonly Option[];
  readonly live: boolean;
}

export function buildFilterForm(filters: LogFilters, action = '/'): FilterForm {
  const custom = isAbsolute(filters.from) || (filters.from === undefined && filters.to !== undefined);
  const from = custom ? CUSTOM_RANGE : (filters.from ?? 'all');
  const rangeValues: string[] = ['all', ...TIME_RANGES, CUSTOM_RANGE];
  const sizeValues = PAGE_SIZES.map(String);
  return {
    action,
    q: filters.q ?? '',
    sources: filters.sources.join(', '),
    levels: LOG_LEVELS.map((level) => ({
      value: level,
      badgeClass: levelBadgeClass(level),
      checked: filters.levels.includes(level),
    })),
    ranges: withCurrent(rangeValues, from).map((value) => ({
      value,
      label: value === CUSTOM_RANGE ? 'Custom: from – to below' : describeTimeRange(value === 'all' ? undefined : value, undefined),
      selected: value === from,
    })),
    start: custom ? localField(filters.from) : '',
    end: custom ? localField(filters.to) : '',
    hidden: [
      ...(custom || filters.to === undefined ? [] : [{ name: 'to', value: filters.to }]),
      ...filters.producerIds.map((value) => ({ name: 'producer_id', value })),
      ...filters.patternIds.map((value) => ({ name: 'pattern_id', value })),
      ...filters.excludedPatternIds.map((value) => ({ name: 'exclude_pattern_id', value })),
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

/** An ISO time, as opposed to a duration back from now (or `now`). */
function isAbsolute(value: string | undefined): value is string {
  return value !== undefined && value !== 'now' && describeDuration(value) === undefined;
}

/** An ISO time as a datetime-local field shows it, in UTC to the second; blank for none. */
function localField(value: string | undefined): string {
  if (!isAbsolute(value)) return '';
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? '' : new Date(millis).toISOString().slice(0, 19);
}

/** The preset values, plus the current one if a hand-written URL chose something else. */
function withCurrent(presets: readonly string[], current: string): string[] {
  return presets.includes(current) ? [...presets] : [...presets, current];
}
