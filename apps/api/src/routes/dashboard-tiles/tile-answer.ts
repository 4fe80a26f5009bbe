/**
 * One Dashboard tile as the api answers it: its saved search, read now by name, counted over the
 * Dashboard's range (which replaces the search's own) — events per bucket for a search, the
 * busiest groups and their values per bucket for a stats search. A tile whose search is gone, or
 * whose search cannot be answered now, says so on its own: the other tiles still show.
 */
import { TILE_STATS_ROWS, type DashboardTile, type SavedView } from '@logline/api-contract';
import type { DashboardTileRecord, SavedSearchRecord, Store } from '@logline/ch-client';
import { StatsTooLargeError } from '@logline/ch-client';
import { isStatsQuery } from '@logline/search-syntax';
import type { FastifyBaseLogger } from 'fastify';
import { HttpError } from '../../errors';
import type { BucketPlan } from '../../query/histogram-buckets';
import { toLogFilters, toStatsRequest } from '../../query/log-filters-query';
import { toStatsAnswer } from '../stats/stats-answer';

export interface TileRange {
  readonly plan: BucketPlan;
  readonly nowMs: number;
  /** Events dated before this may have expired from the raw table (see splitRange). */
  readonly expiringBeforeMs: number;
}

export function pinnedTile(tile: DashboardTileRecord): Pick<DashboardTile, 'saved_search' | 'pinned_by' | 'pinned_at'> {
  return { saved_search: tile.savedSearch, pinned_by: tile.pinnedBy, pinned_at: new Date(tile.pinnedAtMs).toISOString() };
}

export async function answerTile(
  store: Store,
  tile: DashboardTileRecord,
  saved: SavedSearchRecord | undefined,
  range: TileRange,
  log: FastifyBaseLogger,
): Promise<DashboardTile> {
  const pinned = pinnedTile(tile);
  if (!saved) {
    return { ...pinned, state: 'missing', message: `no saved search is named '${tile.savedSearch}' any more: it was deleted`, search: null };
  }
  const view = JSON.parse(saved.view) as SavedView;
  const answered = { ...pinned, search: { id: saved.id, q: view.q } };
  try {
    return { ...answered, state: 'ok', ...(await countTile(store, view, range)) };
  } catch (error) {
    if (error instanceof HttpError || error instanceof StatsTooLargeError) return { ...answered, state: 'failed', message: error.message };
    log.error({ err: error, savedSearch: tile.savedSearch }, 'dashboard tile failed');
    return { ...answered, state: 'failed', message: 'its events could not be counted now' };
  }
}

async function countTile(store: Store, view: SavedView, { plan, nowMs, expiringBeforeMs }: TileRange): Promise<Pick<DashboardTile, 'count' | 'sparkline' | 'stats'>> {
  const range = { fromMs: plan.fromMs, toMs: plan.toMs };
  if (isStatsQuery(view.q)) {
    const { filters, stats } = toStatsRequest(view, nowMs);
    const result = await store.aggregateLogs({ ...filters, ...range }, { stats, limit: TILE_STATS_ROWS, overTime: plan, expiringBeforeMs });
    return { stats: toStatsAnswer(stats, result, plan) };
  }
  const result = await store.countHistogram({ ...toLogFilters(view, nowMs), ...range }, plan);
  const bucketMs = plan.bucketSeconds * 1000;
  const sparkline = new Array<number>(Math.max(1, Math.round((plan.toMs - plan.fromMs) / bucketMs))).fill(0);
  for (const count of result.counts) {
    const bucket = Math.floor((count.bucketMs - plan.fromMs) / bucketMs);
    if (bucket >= 0 && bucket < sparkline.length) sparkline[bucket] += count.count;
  }
  return { count: sparkline.reduce((sum, events) => sum + events, 0), sparkline };
}
