import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, DUPLICATES_TABLE } from '@logline/log-schema';
import { insertLines } from './insert-lines';

const INSERT_DUPLICATES = `INSERT INTO ${DATABASE}.${DUPLICATES_TABLE} (minute, producer_id, duplicates) FORMAT JSONEachRow`;

/** Adds counts of absorbed duplicates per producer to logs.ingest_duplicates (for the delivery audit). */
export async function recordDuplicates(client: ClickHouseClient, duplicatesByProducer: ReadonlyMap<string, number>): Promise<void> {
  const minute = Math.floor(Date.now() / 60_000) * 60;
  const lines = [...duplicatesByProducer].map(([producer_id, duplicates]) => JSON.stringify({ minute, producer_id, duplicates }));
  await insertLines(client, INSERT_DUPLICATES, lines);
}
