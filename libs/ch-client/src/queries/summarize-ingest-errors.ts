/** Recent dead letters (rejected input) and their counts by reason code. */
import type { ClickHouseClient } from '@clickhouse/client';
import type { DeadLetter } from '../insert/dead-letter';
import { dateTime64 } from '../sql/log-filters';
import { selectRows } from '../sql/run-query';
import { bind, sql } from '../sql/sql';

/** A stored dead letter with the time it was received (ISO 8601, UTC). */
export interface IngestErrorRecord extends DeadLetter {
  received_at: string;
}

export interface IngestErrorSummary {
  recent: IngestErrorRecord[];
  byCode: { code: string; count: number }[];
  total: number;
}

export async function summarizeIngestErrors(client: ClickHouseClient, sinceMs: number, limit: number): Promise<IngestErrorSummary> {
  const since = dateTime64(sinceMs);
  const recent = await selectRows<Omit<IngestErrorRecord, 'received_at'> & { received_ms: string | number }>(
    client,
    sql`SELECT toUnixTimestamp64Milli(received_at) AS received_ms, transport, peer, line, code, reason, raw
        FROM logs.ingest_errors
        WHERE received_at >= ${since}
        ORDER BY received_at DESC
        LIMIT ${bind(limit, 'UInt32')}`,
  );
  const byCode = await selectRows<{ code: string; count: string | number }>(
    client,
    sql`SELECT code, count() AS count FROM logs.ingest_errors WHERE received_at >= ${since} GROUP BY code ORDER BY count DESC, code`,
  );
  const counts = byCode.map((row) => ({ code: row.code, count: Number(row.count) }));
  return {
    recent: recent.map(({ received_ms, ...row }) => ({ ...row, line: Number(row.line), received_at: new Date(Number(received_ms)).toISOString() })),
    byCode: counts,
    total: counts.reduce((sum, row) => sum + row.count, 0),
  };
}
