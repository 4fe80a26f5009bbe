/** Delivery figures for one producer: how many events are stored and which seq range they span. */
import type { ClickHouseClient } from '@clickhouse/client';
import { selectRows } from '../sql/run-query';
import { sql } from '../sql/sql';

export interface ProducerStats {
  producer_id: string;
  /** Rows stored for the producer. */
  stored: number;
  /** Distinct seq values among them. */
  distinct_seq: number;
  min_seq: number | null;
  max_seq: number | null;
  /** ISO times of the oldest and newest stored event; null when none. */
  first_timestamp: string | null;
  last_timestamp: string | null;
}

interface StatsRecord {
  stored: string;
  distinct_seq: string;
  min_seq: string | null;
  max_seq: string | null;
  first_ms: string | null;
  last_ms: string | null;
}

export async function getProducerStats(client: ClickHouseClient, producerId: string): Promise<ProducerStats> {
  const [record] = await selectRows<StatsRecord>(
    client,
    sql`SELECT count() AS stored, uniqExact(seq) AS distinct_seq, min(seq) AS min_seq, max(seq) AS max_seq,
               if(stored = 0, NULL, toUnixTimestamp64Milli(min(timestamp))) AS first_ms,
               if(stored = 0, NULL, toUnixTimestamp64Milli(max(timestamp))) AS last_ms
        FROM logs.application_logs
        WHERE producer_id = ${producerId}`,
  );
  const toNumber = (value: string | null) => (value === null ? null : Number(value));
  const toIso = (value: string | null) => (value === null ? null : new Date(Number(value)).toISOString());
  return {
    producer_id: producerId,
    stored: Number(record.stored),
    distinct_seq: Number(record.distinct_seq),
    min_seq: record.stored === '0' ? null : toNumber(record.min_seq),
    max_seq: record.stored === '0' ? null : toNumber(record.max_seq),
    first_timestamp: toIso(record.first_ms),
    last_timestamp: toIso(record.last_ms),
  };
}
