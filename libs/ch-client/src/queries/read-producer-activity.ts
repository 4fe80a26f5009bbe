/** Per producer: when it was last stored, its ingest lag, and how many retried duplicates were dropped. */
import type { ClickHouseClient } from '@clickhouse/client';
import { dateTime64 } from '../sql/log-filters';
import { selectRows } from '../sql/run-query';
import { sql } from '../sql/sql';

export interface ProducerActivity {
  producerId: string;
  lastIngestedMs: number;
  lagP50Ms: number;
  lagP95Ms: number;
  duplicatesAbsorbed: number;
}

export async function readProducerActivity(client: ClickHouseClient, sinceMs: number): Promise<ProducerActivity[]> {
  const since = dateTime64(sinceMs);
  const rows = await selectRows<{ producer_id: string; last_ms: string | number; lag: number[]; duplicates: string | number }>(
    client,
    sql`SELECT activity.producer_id AS producer_id, last_ms, lag, ifNull(absorbed.duplicates, 0) AS duplicates
        FROM (
          SELECT producer_id, toUnixTimestamp64Milli(max(ingested_at)) AS last_ms,
                 quantiles(0.5, 0.95)(toUnixTimestamp64Milli(ingested_at) - toUnixTimestamp64Milli(timestamp)) AS lag
          FROM logs.application_logs
          WHERE producer_id != '' AND timestamp >= ${since}
          GROUP BY producer_id
        ) AS activity
        LEFT JOIN (
          SELECT producer_id, sum(duplicates) AS duplicates
          FROM logs.ingest_duplicates
          WHERE minute >= toStartOfMinute(toDateTime(${since}))
          GROUP BY producer_id
        ) AS absorbed ON absorbed.producer_id = activity.producer_id
        SETTINGS join_use_nulls = 1`,
  );
  return rows.map((row) => ({
    producerId: row.producer_id,
    lastIngestedMs: Number(row.last_ms),
    lagP50Ms: Math.round(row.lag[0]),
    lagP95Ms: Math.round(row.lag[1]),
    duplicatesAbsorbed: Number(row.duplicates),
  }));
}
