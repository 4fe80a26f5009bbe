/** The events a saved view selects: its search (without a trailing stats command) and filters. */
import type { SavedView } from '@logline/api-contract';
import type { LogFilters } from '@logline/ch-client';
import { fieldNamed, isStatsQuery } from '@logline/search-syntax';
import { BadRequestError } from '../errors';
import { toLogFilters, toStatsRequest } from './log-filters-query';

/** Columns the explorer can show besides the fields a query names. */
const EVENT_COLUMNS = new Set(['timestamp', 'message']);

/** The view's filters; a 400 naming the part of the view that is wrong. */
export function toViewFilters(view: SavedView, nowMs = Date.now()): LogFilters {
  return isStatsQuery(view.q) ? toStatsRequest(view, nowMs).filters : toLogFilters(view, nowMs);
}

/** Checks everything a view holds can be run and shown, so a saved search always opens. */
export function checkView(view: SavedView): void {
  toViewFilters(view);
  const unknown = view.columns?.find((column) => !EVENT_COLUMNS.has(column) && fieldNamed(column) === undefined);
  if (unknown !== undefined) throw new BadRequestError(`view.columns: unknown field '${unknown.slice(0, 64)}'`);
}
