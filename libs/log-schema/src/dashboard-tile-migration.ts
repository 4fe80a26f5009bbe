/**
 * Migration 18: the saved searches pinned to the Dashboard, shared by every user and replica like
 * the saved searches themselves. A tile names its saved search (as alert rules do), so it shows
 * whatever that search selects now; renaming the search moves the pin (the api writes the new
 * name), deleting it leaves a tile that says so until someone removes it.
 */
import { DATABASE } from './tables';

export const DASHBOARD_TILES_TABLE = 'dashboard_tiles';

export const DASHBOARD_TILE_MIGRATION = {
  version: 18,
  name: 'dashboard tiles pinning saved searches',
  statements: [
    // As for saved searches (migration 13): every change inserts a new version of the tile's row,
    // the newest `updated_at` per name wins, `deleted = 1` removes it, and reads use FINAL.
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.${DASHBOARD_TILES_TABLE}
(
    saved_search String,
    pinned_by    String,
    pinned_at    DateTime64(3, 'UTC'),
    updated_at   DateTime64(6, 'UTC'),
    deleted      UInt8
)
ENGINE = ReplacingMergeTree(updated_at, deleted)
ORDER BY saved_search`,
  ],
};
