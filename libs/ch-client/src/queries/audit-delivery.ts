/**
 * Per producer and boot: the seq range seen, how many events it implies, how many are stored,
 * which seqs are missing. A boot starts wherever a producer's seq goes back down (a restart
 * from 0), taking events in timestamp order.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { dateTime64 } from '../sql/log-filters';
import { selectRows } from '../sql/run-query';
import { bind, sql, type SqlFragment } from '../sql/sql';

export interface BootAudit {
  producerId: string;
  boot: number;
  firstSeq: number;
  lastSeq: number;
  stored: number;
  distinctSeq: number;
  /** Missing seq ranges (inclusive), at most `maxRanges` of them. */
  missingRanges: [number, number][];
  firstTimestampMs: number;
  lastTimestampMs: number;
}

interface BootRecord {
  producer_id: string;
  boot: string | number;
  first_seq: string | number;
  last_seq: string | number;
  stored: string | number;
  distinct_seq: string | number;
  gaps: [string | number, string | number][];
  first_ms: string | number;
  last_ms: string | number;
}

export async function auditDelivery(
  client: ClickHouseClient,
  options: { sinceMs: number; producerId?: string; maxRanges?: number },
): Promise<BootAudit[]> {
  const producer = options.producerId === undefined ? sql`` : sql`AND producer_id = ${options.producerId}`;
  const records = await selectRows<BootRecord>(client, bootsQuery(options.sinceMs, producer, options.maxRanges ?? 100));
  return records.map((record) => ({
    producerId: record.producer_id,
    boot: Number(record.boot),
    firstSeq: Number(record.first_seq),
    lastSeq: Number(record.last_seq),
    stored: Number(record.stored),
    distinctSeq: Number(record.distinct_seq),
    missingRanges: record.gaps.map(([from, to]) => [Number(from), Number(to)]),
    firstTimestampMs: Number(record.first_ms),
    lastTimestampMs: Number(record.last_ms),
  }));
}

function bootsQuery(sinceMs: number, producer: SqlFragment, maxRanges: number): SqlFragment {
  const window = sql`PARTITION BY producer_id ORDER BY timestamp, seq`;
  const previous = sql`OVER (${window} ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)`;
  return sql`
    SELECT producer_id, boot, min(seq) AS first_seq, max(seq) AS last_seq, count() AS stored,
           uniqExact(seq) AS distinct_seq, groupArray(${bind(maxRanges, 'UInt32')})(gap) AS gaps,
           toUnixTimestamp64Milli(min(timestamp)) AS first_ms, toUnixTimestamp64Milli(max(timestamp)) AS last_ms
    FROM (
      SELECT producer_id, seq, timestamp, boot,
             if(prev_seq IS NOT NULL AND boot = prev_boot AND seq > prev_seq + 1, (prev_seq + 1, seq - 1), NULL) AS gap
      FROM (
        SELECT producer_id, seq, timestamp, boot,
               lagInFrame(toNullable(seq)) ${previous} AS prev_seq,
               lagInFrame(boot) ${previous} AS prev_boot
        FROM (
          SELECT producer_id, seq, timestamp, sum(restart) OVER (${window} ROWS UNBOUNDED PRECEDING) AS boot
          FROM (
            SELECT producer_id, assumeNotNull(seq) AS seq, timestamp,
                   seq < lagInFrame(assumeNotNull(seq), 1, assumeNotNull(seq)) ${previous} AS restart
            FROM logs.application_logs
            WHERE seq IS NOT NULL AND producer_id != '' AND timestamp >= ${dateTime64(sinceMs)} ${producer}
          )
        )
      )
    )
    GROUP BY producer_id, boot
    ORDER BY producer_id, boot`;
}
