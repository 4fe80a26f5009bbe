/** How long events took from their own timestamp to being stored, per source, over a recent window. */
import type { ClickHouseClient } from '@clickhouse/client';
import { dateTime64 } from '../sql/log-filters';
import { selectRows } from '../sql/run-query';
import { sql } from '../sql/sql';

export interface SourceLag {
  source: string;
  events: number;
  /** Milliseconds from `timestamp` to `ingested_at`. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** ISO time the newest event of the source was stored. */
  lastIngestedAt: string;
}

export async function measureIngestLag(client: ClickHouseClient, sinceMs: number): Promise<SourceLag[]> {
  const rows = await selectRows<{ source: string; events: string | number; lag: number[]; last_ms: string | number }>(
    client,
    sql`SELECT source, count() AS events,
               quantiles(0.5, 0.95, 0.99)(toUnixTimestamp64Milli(ingested_at) - toUnixTimestamp64Milli(timestamp)) AS lag,
               toUnixTimestamp64Milli(max(ingested_at)) AS last_ms
        FROM logs.application_logs
        WHERE ingested_at >= ${dateTime64(sinceMs)}
        GROUP BY source
        ORDER BY source`,
  );
  return rows.map((row) => ({
    source: row.source,
    events: Number(row.events),
    p50Ms: Math.round(row.lag[0]),
    p95Ms: Math.round(row.lag[1]),
    p99Ms: Math.round(row.lag[2]),
    lastIngestedAt: new Date(Number(row.last_ms)).toISOString(),
  }));
}
