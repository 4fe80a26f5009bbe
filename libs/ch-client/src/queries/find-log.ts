/** One event by its row id. */
import type { ClickHouseClient } from '@clickhouse/client';
import type { StoredLog } from '@logline/log-schema';
import type { LogCursor } from '../cursors/log-id';
import type { RecentLogs } from '../memory/recent-logs';
import { searchLogs } from './search-logs';

/** `recent`: the sole writer's newest events in memory, which answer for the events they hold. */
export async function findLog(client: ClickHouseClient, id: LogCursor, recent?: RecentLogs): Promise<StoredLog | undefined> {
  // The row at `id` is the first one at or after its timestamp whose id matches; rows sharing a
  // timestamp are few, so reading the ones at that instant is cheap.
  const { rows } = await searchLogs(client, { fromMs: id.timestampMs, toMs: id.timestampMs + 1, limit: 10_000, order: 'asc' }, recent);
  return rows.find((row) => row.id === `${id.timestampMs}.${id.rowKey}`);
}
