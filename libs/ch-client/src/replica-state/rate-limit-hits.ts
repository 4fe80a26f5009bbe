/**
 * Rate-limit counts shared by every replica (logs.rate_limit_hits, see log-schema's
 * shared-limits-migrations.ts): each replica adds the requests it counted per key since its last
 * exchange, and reads what the other replicas counted in the same window.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, formatClickHouseTime, RATE_LIMIT_HITS_TABLE } from '@logline/log-schema';
import { insertLines } from '../insert/insert-lines';
import { selectRows } from '../sql/run-query';
import { bind, identifier, sql } from '../sql/sql';

const HITS = identifier(`${DATABASE}.${RATE_LIMIT_HITS_TABLE}`);
const INSERT_HITS = `INSERT INTO ${DATABASE}.${RATE_LIMIT_HITS_TABLE} (limiter, window_start, key, replica, hits) FORMAT JSONEachRow`;
/** Keys read back at most, the busiest first: those are the ones near a limit. */
export const MAX_SHARED_RATE_KEYS = 10_000;

export interface RateLimitHits {
  /** Which limit the keys belong to, e.g. `web` or `api`. */
  readonly limiter: string;
  /** The start of the fixed window counted, epoch ms. */
  readonly windowStartMs: number;
  /** The replica reporting. */
  readonly replica: string;
  /** Requests counted per key since the replica's last report. */
  readonly hits: ReadonlyMap<string, number>;
}

/** Adds the replica's new counts, then answers every other replica's totals per key in the window. */
export async function exchangeRateLimitHits(clients: { writer: ClickHouseClient; reader: ClickHouseClient }, report: RateLimitHits): Promise<Map<string, number>> {
  const window_start = formatClickHouseTime(report.windowStartMs);
  const lines = [...report.hits].map(([key, hits]) => JSON.stringify({ limiter: report.limiter, window_start, key, replica: report.replica, hits }));
  await insertLines(clients.writer, INSERT_HITS, lines);
  const rows = await selectRows<{ key: string; hits: string | number }>(
    clients.reader,
    sql`SELECT key, sum(hits) AS hits
        FROM ${HITS}
        WHERE limiter = ${report.limiter} AND window_start = ${bind(window_start, "DateTime64(3, 'UTC')")} AND replica != ${report.replica}
        GROUP BY key
        ORDER BY hits DESC
        LIMIT ${bind(MAX_SHARED_RATE_KEYS, 'UInt32')}`,
  );
  return new Map(rows.map((row) => [row.key, Number(row.hits)]));
}
