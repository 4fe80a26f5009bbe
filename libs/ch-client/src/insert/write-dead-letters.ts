import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, INGEST_ERRORS_TABLE } from '@logline/log-schema';
import type { DeadLetter } from './dead-letter';
import { insertLines } from './insert-lines';

const INSERT_DEAD_LETTERS = `INSERT INTO ${DATABASE}.${INGEST_ERRORS_TABLE}
  (transport, peer, line, code, reason, raw) FORMAT JSONEachRow`;

/** Stores rejected lines in logs.ingest_errors. */
export function writeDeadLetters(client: ClickHouseClient, letters: readonly DeadLetter[]): Promise<void> {
  return insertLines(client, INSERT_DEAD_LETTERS, letters.map((letter) => JSON.stringify(letter)));
}
