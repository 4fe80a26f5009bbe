/**
 * The one definition of "the patterns of a range": events per stored pattern id under the
 * filters (the pattern rollup's GROUP BY), their templates from the catalogue, grouped by
 * groupPatterns. The Patterns view lists these groups, and `by pattern` in a stats query groups
 * events by them, so both count the same events under the same pattern.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { groupPatterns, type ListedPattern, type StoredPatternCount } from '@logline/log-patterns';
import { DATABASE, PATTERNS_TABLE } from '@logline/log-schema';
import type { LogFilters } from '../sql/log-filters';
import { patternCountParts } from '../sql/pattern-counts';
import { selectRows } from '../sql/run-query';
import { bind, identifier, sql } from '../sql/sql';

/**
 * Stored ids a grouping reads, busiest first: their count bounds its memory and time, and the
 * size of the id lists the sparkline and `by pattern` queries bind. A server takes bound values in
 * the URL (at most 1 MiB, http_max_uri_size) at ~25 bytes an id, and such a query binds up to
 * four lists: 5,000 ids keep it near half of that.
 */
export const MAX_STORED_IDS = 5_000;
/** Stored ids the miner groups; the others join a pattern whose template covers them. */
const MINED_IDS = 2_000;

export interface StoredIdCount extends StoredPatternCount {
  firstSeenMs: number;
  lastSeenMs: number;
}

export interface PatternGrouping {
  /** Every group, busiest first. */
  listed: ListedPattern<StoredIdCount>[];
  /** Events in the range under the filters. */
  totalEvents: number;
  /** Distinct stored ids among them. */
  storedIdCount: number;
  /** False when more than MAX_STORED_IDS stored ids were in the range: only the busiest were grouped. */
  complete: boolean;
  servedBy: 'rollup' | 'raw';
}

/** `expiringBeforeMs`: events dated before this may have expired from the raw table (see splitRange). */
export async function groupStoredPatterns(client: ClickHouseClient, filters: LogFilters, expiringBeforeMs: number | undefined): Promise<PatternGrouping> {
  const counted = await countStoredIds(client, filters, expiringBeforeMs);
  const templates = await readTemplates(client, counted.rows.map((row) => row.pattern_id));
  const items: StoredIdCount[] = counted.rows.map((row) => ({
    patternId: row.pattern_id,
    // Every stored id has a row in the catalogue (its view runs with each insert); one emptied by
    // hand leaves its ids listed under their own id.
    template: templates.get(row.pattern_id) ?? row.pattern_id,
    count: Number(row.id_events),
    firstSeenMs: Number(row.first_ms),
    lastSeenMs: Number(row.last_ms),
  }));
  return {
    listed: groupPatterns(items, { minedIds: MINED_IDS }),
    totalEvents: Number(counted.rows[0]?.total_events ?? 0),
    storedIdCount: Number(counted.rows[0]?.stored_ids ?? 0),
    complete: !counted.truncated,
    servedBy: counted.servedBy,
  };
}

/** The catalogue's template of each id (computed by the engine from the same rules as derivePattern). */
export async function readTemplates(client: ClickHouseClient, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRows<{ pattern_id: string; template: string }>(
    client,
    sql`SELECT pattern_id, any(template) AS template FROM ${identifier(`${DATABASE}.${PATTERNS_TABLE}`)}
        WHERE pattern_id IN ${ids} GROUP BY pattern_id`,
  );
  return new Map(rows.map((row) => [row.pattern_id, row.template]));
}

interface StoredIdRow {
  pattern_id: string;
  id_events: string | number;
  first_ms: string | number;
  last_ms: string | number;
  total_events: string | number;
  stored_ids: string | number;
}

/** Each stored id's events in the range, busiest first, with the range's totals on every row. */
async function countStoredIds(client: ClickHouseClient, filters: LogFilters, expiringBeforeMs: number | undefined) {
  const { parts, servedBy } = patternCountParts(filters, { expiringBeforeMs });
  const rows = await selectRows<StoredIdRow>(
    client,
    sql`SELECT pattern_id, sum(events) AS id_events,
               toUnixTimestamp64Milli(min(first_seen)) AS first_ms, toUnixTimestamp64Milli(max(last_seen)) AS last_ms,
               sum(id_events) OVER () AS total_events, count() OVER () AS stored_ids
        FROM (${parts})
        GROUP BY pattern_id
        ORDER BY id_events DESC, pattern_id
        LIMIT ${bind(MAX_STORED_IDS + 1, 'UInt32')}`,
  );
  return { rows: rows.slice(0, MAX_STORED_IDS), servedBy, truncated: rows.length > MAX_STORED_IDS };
}
