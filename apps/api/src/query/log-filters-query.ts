/** The filter parameters every read endpoint shares, translated into LogFilters (and a stats command). */
import type { FilterQuery } from '@logline/api-contract';
import type { LogFilters } from '@logline/ch-client';
import { isPatternId } from '@logline/log-patterns';
import { canonicalTraceHex, toLogLevel, TRACE_ID_DIGITS } from '@logline/log-schema';
import { parseSearch, parseStatsQuery, SearchSyntaxError, type ParsedSearch, type StatsSpec } from '@logline/search-syntax';
import { BadRequestError } from '../errors';
import { parseTimeBound } from './time-bound';

export function toLogFilters(query: FilterQuery, nowMs = Date.now()): LogFilters {
  return filtersWith(query, readQ(() => parseSearch(query.q)), nowMs);
}

/** The filters of a stats query's search (with the other parameters) and its stats command. */
export function toStatsRequest(query: FilterQuery, nowMs = Date.now()): { filters: LogFilters; stats: StatsSpec } {
  const { search, stats } = readQ(() => parseStatsQuery(query.q ?? ''));
  return { filters: filtersWith(query, search, nowMs), stats };
}

function filtersWith(query: FilterQuery, search: ParsedSearch | undefined, nowMs: number): LogFilters {
  return {
    levels: query.level?.map(toLevel),
    sources: query.source,
    producerIds: query.producer_id,
    traceIds: query.trace_id?.map(toTraceId),
    patternIds: query.pattern_id?.map((value) => toPatternId('pattern_id', value)),
    excludedPatternIds: query.exclude_pattern_id?.map((value) => toPatternId('exclude_pattern_id', value)),
    text: search?.text,
    fields: search?.fields,
    fromMs: parseTimeBound('from', query.from, nowMs),
    toMs: parseTimeBound('to', query.to, nowMs),
  };
}

/** Parses `q`; a mistake in it is a 400 naming the parameter and the position. */
function readQ<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw new BadRequestError(`q: ${error.message}`);
    throw error;
  }
}

function toTraceId(value: string): string {
  const id = canonicalTraceHex(value, TRACE_ID_DIGITS);
  if (!id) throw new BadRequestError(`trace_id: '${value.slice(0, 40)}' is not a trace id (${TRACE_ID_DIGITS} hex digits, not all zero)`);
  return id;
}

function toPatternId(parameter: string, value: string): string {
  const id = value.toLowerCase();
  if (!isPatternId(id)) throw new BadRequestError(`${parameter}: '${value.slice(0, 40)}' is not a pattern id (16 hex digits, from GET /api/v1/patterns)`);
  return id;
}

function toLevel(value: string) {
  const level = toLogLevel(value);
  if (!level) throw new BadRequestError(`level: unknown level '${value.slice(0, 32)}' (DEBUG, INFO, WARNING, ERROR, CRITICAL)`);
  return level;
}
