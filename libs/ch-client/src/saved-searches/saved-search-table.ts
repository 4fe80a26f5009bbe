/**
 * logs.saved_searches (migration 13): one row per version of a saved search, the newest
 * `updated_at` per id winning and `deleted = 1` removing it. Every read goes through FINAL, so a
 * rename or delete is seen by the next read on any replica, merged or not. Writes go to the
 * writer, reads to the reader, like every other table.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, SAVED_SEARCHES_TABLE } from '@logline/log-schema';
import { runCommand, selectRows } from '../sql/run-query';
import { bind, identifier, sql, type SqlFragment } from '../sql/sql';

export interface SavedSearchRecord {
  readonly id: string;
  readonly name: string;
  /** The saved view as JSON text: its shape is the api's to define and check. */
  readonly view: string;
  readonly savedBy: string;
  /** When it was first saved, epoch ms (a rename keeps it). */
  readonly savedAtMs: number;
  /** When it was last saved or renamed, epoch ms. */
  readonly updatedAtMs: number;
}

interface Row {
  search_id: string;
  name: string;
  view: string;
  saved_by: string;
  saved_at_ms: string | number;
  updated_at_ms: string | number;
}

const TABLE = identifier(`${DATABASE}.${SAVED_SEARCHES_TABLE}`);

export class SavedSearchTable {
  constructor(
    private readonly reader: ClickHouseClient,
    private readonly writer: ClickHouseClient,
  ) {}

  /** Every saved search, by name (case-insensitive), then oldest first. */
  list(): Promise<SavedSearchRecord[]> {
    return this.select(sql``);
  }

  async find(id: string): Promise<SavedSearchRecord | undefined> {
    return (await this.select(sql`WHERE id = ${bind(id, 'UUID')}`))[0];
  }

  /** The search saved under `name`; if two replicas saved the same name at once, the older one. */
  async findByName(name: string): Promise<SavedSearchRecord | undefined> {
    return (await this.select(sql`WHERE name = ${name}`))[0];
  }

  /** Writes a new version of the search (a first save or a rename), stamped now. */
  write(record: Omit<SavedSearchRecord, 'updatedAtMs'>): Promise<void> {
    return this.insert(record, 0);
  }

  /** Deletes the search: a version marked deleted, which FINAL leaves out of every read. */
  remove(record: SavedSearchRecord): Promise<void> {
    return this.insert(record, 1);
  }

  private insert(record: Omit<SavedSearchRecord, 'updatedAtMs'>, deleted: 0 | 1): Promise<void> {
    return runCommand(
      this.writer,
      sql`INSERT INTO ${TABLE} (id, name, view, saved_by, saved_at, updated_at, deleted)
          VALUES (${bind(record.id, 'UUID')}, ${record.name}, ${record.view}, ${record.savedBy},
                  fromUnixTimestamp64Milli(${bind(record.savedAtMs, 'Int64')}, 'UTC'), now64(6), ${bind(deleted, 'UInt8')})`,
    );
  }

  private async select(where: SqlFragment): Promise<SavedSearchRecord[]> {
    const rows = await selectRows<Row>(
      this.reader,
      sql`SELECT toString(id) AS search_id, name, view, saved_by,
                 toUnixTimestamp64Milli(saved_at) AS saved_at_ms, toUnixTimestamp64Milli(toDateTime64(updated_at, 3)) AS updated_at_ms
          FROM ${TABLE} FINAL
          ${where}
          ORDER BY lower(name), saved_at, id`,
    );
    return rows.map((row) => ({
      id: row.search_id,
      name: row.name,
      view: row.view,
      savedBy: row.saved_by,
      savedAtMs: Number(row.saved_at_ms),
      updatedAtMs: Number(row.updated_at_ms),
    }));
  }
}
