import type { ClickHouseClient } from '@clickhouse/client';

/** True when the storage answers a trivial query. */
export async function pingStorage(client: ClickHouseClient): Promise<boolean> {
  const result = await client.ping();
  return result.success;
}
