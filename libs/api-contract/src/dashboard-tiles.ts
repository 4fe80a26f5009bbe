/** /api/v1/dashboard/tiles: saved searches pinned to the Dashboard, by name, shared by every user and replica. */
import { Type, type Static } from 'typebox';
import { FilterParams } from './filters';
import { Nullable } from './nullable';
import { SavedSearchName } from './saved-searches';
import { StatsResult } from './stats';

/** Rows a stats tile shows at most (the busiest groups). */
export const TILE_STATS_ROWS = 5;

export const PinTile = Type.Object({ saved_search: SavedSearchName }, { additionalProperties: false });

export const TileParams = Type.Object({ saved_search: SavedSearchName });

export const DashboardTilesQuery = Type.Object({
  from: Type.String({ maxLength: 64, default: '1h', description: "Start of the tiles' range, which replaces each saved search's own: ISO time or a duration back from now." }),
  to: FilterParams.to,
  buckets: Type.Integer({ minimum: 10, maximum: 120, default: 30, description: 'Sparkline bars at most.' }),
});

const TileSearch = Type.Object({
  id: Type.String(),
  q: Type.Optional(Type.String({ description: "The saved search's query (may end in a stats command)." })),
});

export const DashboardTile = Type.Object({
  saved_search: Type.String({ description: 'The name of the saved search the tile shows.' }),
  pinned_by: Type.String(),
  pinned_at: Type.String({ description: 'ISO 8601 UTC.' }),
  state: Type.Union([Type.Literal('ok'), Type.Literal('missing'), Type.Literal('failed')], {
    description: 'missing: no saved search has this name any more (it was deleted); failed: its query could not be answered now (see message).',
  }),
  message: Type.Optional(Type.String()),
  search: Nullable(TileSearch),
  count: Type.Optional(Type.Integer({ description: 'Events the search matches over the range.' })),
  sparkline: Type.Optional(Type.Array(Type.Integer(), { description: 'Events per bucket of bucket_seconds from `from`.' })),
  /** For a stats search: its TILE_STATS_ROWS busiest groups over the range, and over time in the sparkline's buckets. */
  stats: Type.Optional(StatsResult),
});

export const PinnedTile = Type.Pick(DashboardTile, ['saved_search', 'pinned_by', 'pinned_at']);

export const DashboardTiles = Type.Object({
  from: Type.String(),
  to: Type.String(),
  bucket_seconds: Type.Integer(),
  tiles: Type.Array(DashboardTile, { description: 'In the order they were pinned.' }),
});

export type PinnedTile = Static<typeof PinnedTile>;
export type DashboardTile = Static<typeof DashboardTile>;
export type DashboardTiles = Static<typeof DashboardTiles>;
