/** INSERT statements for pre-serialised JSONEachRow batches (one JSON object per line). */
import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, INGEST_ERRORS_TABLE, LOGS_TABLE } from '@logline/log-schema';
import type { WriteBatch } from './batch-inserter';

const INSERT_LOGS = `INSERT INTO ${DATABASE}.${LOGS_TABLE}
  (timestamp, log_level, message, source, host, producer_id, seq, attributes) FORMAT JSONEachRow`;

const INSERT_DEAD_LETTERS = `INSERT INTO ${DATABASE}.${INGEST_ERRORS_TABLE}
  (transport, peer, line, code, reason, raw) FORMAT JSONEachRow`;

/** Writes LogRow lines into logs.application_logs. */
export function logRowWriter(client: ClickHouseClient): WriteBatch {
  return (lines) => insertLines(client, INSERT_LOGS, lines);
}

/** Writes DeadLetter lines into logs.ingest_errors. */
export function deadLetterWriter(client: ClickHouseClient): WriteBatch {
  return (lines) => insertLines(client, INSERT_DEAD_LETTERS, lines);
}

async function insertLines(client: ClickHouseClient, query: string, lines: readonly string[]): Promise<void> {
  const result = await client.exec({ query, values: Readable.from([lines.join('\n')]) });
  result.stream.resume();
}
