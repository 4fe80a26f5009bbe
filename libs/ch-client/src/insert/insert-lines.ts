import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';

/** Runs `INSERT ... FORMAT JSONEachRow` with pre-serialised rows, one JSON object a line. */
export async function insertLines(client: ClickHouseClient, query: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  const result = await client.exec({ query, values: Readable.from([lines.join('\n')]) });
  result.stream.resume();
}
