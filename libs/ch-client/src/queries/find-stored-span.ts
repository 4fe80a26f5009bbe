/** The time span the stored events cover, from part metadata (no rows read). */
import type { ClickHouseClient } from '@clickhouse/client';
import { selectRows } from '../sql/run-query';
import { sql } from '../sql/sql';

export interface StoredSpan {
  /** Oldest and newest event timestamps, epoch ms; undefined when no event is stored. */
  oldestMs?: number;
  newestMs?: number;
}

export async function findStoredSpan(client: ClickHouseClient): Promise<StoredSpan> {
  // min/max of the sort key are answered from each part's min/max (the engine's implicit
  // projection), so this costs about one round trip whatever the table holds.
  const [span] = await selectRows<{ events: string | number; oldest_ms: string | number; newest_ms: string | number }>(
    client,
    sql`SELECT count() AS events, toUnixTimestamp64Milli(min(timestamp)) AS oldest_ms, toUnixTimestamp64Milli(max(timestamp)) AS newest_ms
        FROM logs.application_logs`,
  );
  if (!span || Number(span.events) === 0) return {};
  return { oldestMs: Number(span.oldest_ms), newestMs: Number(span.newest_ms) };
}
