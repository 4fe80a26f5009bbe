import type { SortKey } from '@logline/api-contract';
import { LOG_LEVELS, toLogLevel, type LogLevel } from '@logline/log-schema';
import { InvalidFilterError } from './invalid-filter-error';
import type { LogsQuery } from './logs-query';

/** The time-range menu's choice that takes the range from the start and end fields. */
export const CUSTOM_RANGE = 'custom';

/** What the user asked for, tidied: the one shape the api client and the view models read. */
export interface LogFilters extends PagePosition {
  readonly levels: readonly LogLevel[];
  readonly sources: readonly string[];
  readonly producerIds: readonly string[];
  /** Patterns to show (any of; none: all) and patterns hidden, by the ids the Patterns view lists. */
  readonly patternIds: readonly string[];
  readonly excludedPatternIds: readonly string[];
  readonly q?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly order: 'asc' | 'desc';
  /** What the rows are sorted by (then by time); `order` applies to both. */
  readonly sort: SortKey;
  readonly live: boolean;
}

/** Where in the results a page starts: after `cursor`, before `before`, or (neither) at the top. */
export interface PagePosition {
  readonly cursor?: string;
  readonly before?: string;
}

/**
 * Turns a validated query into filters: level aliases become level names, sources may come
 * repeated or comma-separated (the form has one text box), blanks are dropped, duplicates
 * removed, and "all time" means no bound. Throws InvalidFilterError for an unknown level.
 */
export function toLogFilters(query: LogsQuery): LogFilters {
  // "Custom range": the form's start and end fields give the range instead of a preset.
  const custom = query.from === CUSTOM_RANGE;
  const sources = (query.source ?? []).flatMap((value) => value.split(',')).map((source) => source.trim());
  return Object.freeze({
    levels: unique((query.level ?? []).filter((level) => level.trim() !== '').map(toLevel)),
    sources: unique(sources.filter((source) => source !== '')),
    producerIds: unique((query.producer_id ?? []).filter((id) => id !== '')),
    patternIds: unique((query.pattern_id ?? []).filter((id) => id !== '')),
    excludedPatternIds: unique((query.exclude_pattern_id ?? []).filter((id) => id !== '')),
    q: blankToUndefined(query.q),
    from: custom ? utcFromLocal(query.start) : query.from === 'all' ? undefined : blankToUndefined(query.from),
    to: custom ? utcFromLocal(query.end) : blankToUndefined(query.to),
    limit: query.limit,
    order: query.order,
    sort: query.sort ?? 'time',
    // Opaque: relayed exactly as the api issued them.
    cursor: query.cursor === '' ? undefined : query.cursor,
    before: query.before === '' ? undefined : query.before,
    live: query.live !== undefined,
  });
}

/** The api's query for these filters, at `position` (by default the one they were asked at). */
export function toSearchParams(filters: LogFilters, position: PagePosition = filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const level of filters.levels) params.append('level', level);
  for (const source of filters.sources) params.append('source', source);
  for (const producerId of filters.producerIds) params.append('producer_id', producerId);
  for (const patternId of filters.patternIds) params.append('pattern_id', patternId);
  for (const patternId of filters.excludedPatternIds) params.append('exclude_pattern_id', patternId);
  if (filters.q !== undefined) params.set('q', filters.q);
  if (filters.from !== undefined) params.set('from', filters.from);
  if (filters.to !== undefined) params.set('to', filters.to);
  params.set('limit', String(filters.limit));
  params.set('order', filters.order);
  if (filters.sort !== 'time') params.set('sort', filters.sort);
  if (position.cursor !== undefined) params.set('cursor', position.cursor);
  if (position.before !== undefined) params.set('before', position.before);
  return params;
}

function toLevel(value: string): LogLevel {
  const level = toLogLevel(value);
  if (level === undefined) {
    throw new InvalidFilterError(`level: '${value}' is not a level (${LOG_LEVELS.join(', ')}, or an alias such as warn).`);
  }
  return level;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** A datetime-local value (the page shows UTC) as an ISO time; blank: no bound. */
function utcFromLocal(value: string | undefined): string | undefined {
  const local = blankToUndefined(value);
  if (local === undefined) return undefined;
  return `${local.length === 16 ? `${local}:00` : local}Z`;
}

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
