/**
 * logs.dashboard_tiles (migration 18): the saved searches pinned to the Dashboard, by name, one
 * row per version of a pin (the newest `updated_at` per name wins, `deleted = 1` removes it).
 * Every read goes through FINAL, so a pin, unpin or rename is seen by the next read on any replica.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { DASHBOARD_TILES_TABLE, DATABASE } from '@logline/log-schema';
import { runCommand, selectRows } from '../sql/run-query';
import { bind, identifier, sql } from '../sql/sql';

export interface DashboardTileRecord {
  /** The name of the saved search the tile shows. */
  readonly savedSearch: string;
  readonly pinnedBy: string;
  /** When it was pinned, epoch ms (a rename of its search keeps it). */
  readonly pinnedAtMs: number;
}

interface Row {
  saved_search: string;
  pinned_by: string;
  pinned_at_ms: string | number;
}

const TABLE = identifier(`${DATABASE}.${DASHBOARD_TILES_TABLE}`);

export class DashboardTileTable {
  constructor(
    private readonly reader: ClickHouseClient,
    private readonly writer: ClickHouseClient,
  ) {}

  /** Every tile, in the order they were pinned. */
  async list(): Promise<DashboardTileRecord[]> {
    const rows = await selectRows<Row>(
      this.reader,
      sql`SELECT saved_search, pinned_by, toUnixTimestamp64Milli(pinned_at) AS pinned_at_ms
          FROM ${TABLE} FINAL
          ORDER BY pinned_at, saved_search`,
    );
    return rows.map((row) => ({ savedSearch: row.saved_search, pinnedBy: row.pinned_by, pinnedAtMs: Number(row.pinned_at_ms) }));
  }

  async find(savedSearch: string): Promise<DashboardTileRecord | undefined> {
    return (await this.list()).find((tile) => tile.savedSearch === savedSearch);
  }

  /** Pins the saved search (again: a new version of its pin). */
  pin(tile: DashboardTileRecord): Promise<void> {
    return this.insert(tile, 0);
  }

  unpin(tile: DashboardTileRecord): Promise<void> {
    return this.insert(tile, 1);
  }

  /** Moves the pin of a renamed saved search to its new name, keeping who pinned it and when. */
  async rename(from: string, to: string): Promise<void> {
    const tile = await this.find(from);
    if (!tile) return;
    await this.insert({ ...tile, savedSearch: to }, 0);
    await this.insert(tile, 1);
  }

  private insert(tile: DashboardTileRecord, deleted: 0 | 1): Promise<void> {
    return runCommand(
      this.writer,
      sql`INSERT INTO ${TABLE} (saved_search, pinned_by, pinned_at, updated_at, deleted)
          VALUES (${tile.savedSearch}, ${tile.pinnedBy}, fromUnixTimestamp64Milli(${bind(tile.pinnedAtMs, 'Int64')}, 'UTC'), now64(6), ${bind(deleted, 'UInt8')})`,
    );
  }
}
