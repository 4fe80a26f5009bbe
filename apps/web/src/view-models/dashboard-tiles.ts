// The Dashboard's pinned saved searches: each tile's count over the Dashboard's range with a
// sparkline, or for a stats search its busiest groups; a tile whose search is gone says so.
import type { DashboardTile, DashboardTiles } from '@logline/api-contract';
import type { LogFilters } from '../filters/log-filters';
import { buildSparkline, type Sparkline } from './sparkline';
import { buildStatsView, type StatsView } from './stats-view';

export interface TileView {
  readonly name: string;
  readonly tone: 'ok' | 'missing' | 'failed';
  /** Why there is no count: the search was deleted, or could not be answered now. */
  readonly problem?: string;
  /** The saved search, opened in the explorer. */
  readonly openHref?: string;
  readonly query?: string;
  readonly count?: string;
  readonly sparkline?: Sparkline;
  readonly stats?: StatsView;
  readonly pinnedBy: string;
}

/** `filters`: the Dashboard's (its range), which a stats tile's links keep. */
export function buildTileViews(answer: DashboardTiles, filters: LogFilters): TileView[] {
  return answer.tiles.map((tile) => buildTileView(tile, filters));
}

function buildTileView(tile: DashboardTile, filters: LogFilters): TileView {
  const base = { name: tile.saved_search, tone: tile.state, pinnedBy: tile.pinned_by };
  if (tile.state === 'missing') return { ...base, problem: `The saved search “${tile.saved_search}” was deleted: remove this tile, or save a search under this name again.` };
  const search = tile.search && { openHref: `/saved-searches/${encodeURIComponent(tile.search.id)}`, query: tile.search.q ?? '' };
  if (tile.state === 'failed') return { ...base, ...search, problem: `This search could not be counted now: ${tile.message ?? 'the api did not say why'}.` };
  return {
    ...base,
    ...search,
    count: tile.count?.toLocaleString('en-US'),
    sparkline: tile.sparkline && buildSparkline(tile.sparkline),
    stats: tile.stats && buildStatsView(tile.stats, { ...filters, q: tile.search?.q }),
  };
}
