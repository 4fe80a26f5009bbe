/**
 * Which of a batch's identified events (producer_id + seq + timestamp) are already stored. The
 * time bounds let the primary key (timestamp) narrow the scan to the batch's own time range.
 * A sole writer of the table can skip most of that SELECT: see stored-seq-ranges.ts.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { eventKey } from './prepared-row';
import { selectRows } from '../sql/run-query';
import { bind, sql } from '../sql/sql';

export interface EventIdentity {
  producerId: string;
  seq: number;
  timestamp: string;
}

export async function findStoredEvents(client: ClickHouseClient, events: readonly EventIdentity[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  let [minTime, maxTime] = [events[0].timestamp, events[0].timestamp];
  let [minSeq, maxSeq] = [events[0].seq, events[0].seq];
  const producers = new Set<string>();
  for (const event of events) {
    if (event.timestamp < minTime) minTime = event.timestamp;
    if (event.timestamp > maxTime) maxTime = event.timestamp;
    if (event.seq < minSeq) minSeq = event.seq;
    if (event.seq > maxSeq) maxSeq = event.seq;
    producers.add(event.producerId);
  }
  const dateTime = "DateTime64(3, 'UTC')";
  const stored = await selectRows<{ producer_id: string; seq: number | string; ts: string }>(
    client,
    sql`SELECT producer_id, seq, toString(timestamp) AS ts
        FROM logs.application_logs
        WHERE timestamp >= ${bind(minTime, dateTime)} AND timestamp <= ${bind(maxTime, dateTime)}
          AND producer_id IN ${[...producers]}
          AND seq >= ${bind(minSeq, 'UInt64')} AND seq <= ${bind(maxSeq, 'UInt64')}`,
  );
  return new Set(stored.map((row) => eventKey(row.producer_id, Number(row.seq), row.ts)));
}

/** The highest stored seq of each producer that has any; a one-off scan per producer (no index on producer_id). */
export async function findHighestSeqs(client: ClickHouseClient, producers: readonly string[]): Promise<Map<string, number>> {
  const stored = await selectRows<{ producer_id: string; highest: number | string }>(
    client,
    sql`SELECT producer_id, max(seq) AS highest
        FROM logs.application_logs
        WHERE producer_id IN ${producers} AND seq IS NOT NULL
        GROUP BY producer_id`,
  );
  return new Map(stored.map((row) => [row.producer_id, Number(row.highest)]));
}
