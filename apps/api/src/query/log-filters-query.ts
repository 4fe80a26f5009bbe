/** The filter parameters every read endpoint shares, and their translation into LogFilters. */
import { Type, type Static, type TObject } from 'typebox';
import type { LogFilters } from '@logline/ch-client';
import { canonicalTraceHex, toLogLevel, TRACE_ID_DIGITS } from '@logline/log-schema';
import { BadRequestError } from '../errors';
import { Repeatable } from '../schemas/common';
import { parseSearchQuery } from './search-query';
import { parseTimeBound } from './time-bound';

export const FilterParams = {
  level: Type.Optional(Repeatable('Levels to include (any of); aliases such as warn are accepted.')),
  source: Type.Optional(Repeatable('Sources to include (any of).')),
  producer_id: Type.Optional(Repeatable('Producers to include (any of).')),
  trace_id: Type.Optional(Repeatable('Traces to include (any of): W3C trace ids, 32 hex digits.')),
  q: Type.Optional(Type.String({ maxLength: 2000, description: 'Search: words, "phrases", field:value, -exclusions.' })),
  from: Type.Optional(Type.String({ maxLength: 64, description: 'ISO time or a duration back from now (15m, 24h, 7d).' })),
  to: Type.Optional(Type.String({ maxLength: 64, description: 'ISO time, now, or a duration back from now.' })),
};

export type FilterQuery = Static<TObject<typeof FilterParams>>;

export function toLogFilters(query: FilterQuery, nowMs = Date.now()): LogFilters {
  const search = parseSearchQuery(query.q);
  return {
    levels: query.level?.map(toLevel),
    sources: query.source,
    producerIds: query.producer_id,
    traceIds: query.trace_id?.map(toTraceId),
    text: search?.text,
    fields: search?.fields,
    fromMs: parseTimeBound('from', query.from, nowMs),
    toMs: parseTimeBound('to', query.to, nowMs),
  };
}

function toTraceId(value: string): string {
  const id = canonicalTraceHex(value, TRACE_ID_DIGITS);
  if (!id) throw new BadRequestError(`trace_id: '${value.slice(0, 40)}' is not a trace id (${TRACE_ID_DIGITS} hex digits, not all zero)`);
  return id;
}

function toLevel(value: string) {
  const level = toLogLevel(value);
  if (!level) throw new BadRequestError(`level: unknown level '${value.slice(0, 32)}' (DEBUG, INFO, WARNING, ERROR, CRITICAL)`);
  return level;
}
