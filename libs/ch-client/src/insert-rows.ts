/** Inserts of pre-serialised JSONEachRow batches; log rows are deduplicated by event identity first. */
import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, DUPLICATES_TABLE, INGEST_ERRORS_TABLE, LOGS_TABLE } from '@logline/log-schema';
import type { WriteBatch } from './batch-inserter';
import type { DeadLetter } from './dead-letter';
import { findStoredEvents, type EventIdentity } from './find-stored-events';
import { eventKey, type PreparedLogRow } from './prepared-row';

const INSERT_LOGS = `INSERT INTO ${DATABASE}.${LOGS_TABLE}
  (timestamp, log_level, message, source, host, producer_id, seq, attributes) FORMAT JSONEachRow`;

const INSERT_DEAD_LETTERS = `INSERT INTO ${DATABASE}.${INGEST_ERRORS_TABLE}
  (transport, peer, line, code, reason, raw) FORMAT JSONEachRow`;

/** Called with the number of rows dropped as already stored (or repeated in the batch), per producer. */
export type DuplicatesListener = (duplicatesByProducer: ReadonlyMap<string, number>) => void | Promise<void>;

/**
 * Writes rows into logs.application_logs exactly once per event identity: rows with a seq whose
 * (producer_id, seq, timestamp) is already stored, or repeated within the batch, are dropped.
 * Inserts are serialised by the BatchInserter, so the check and the insert cannot interleave
 * with another batch of this process.
 */
export function logRowWriter(client: ClickHouseClient, onDuplicates?: DuplicatesListener): WriteBatch<PreparedLogRow> {
  return async (rows) => {
    const identified: EventIdentity[] = [];
    for (const row of rows) {
      if (row.seq !== null) identified.push({ producerId: row.producerId, seq: row.seq, timestamp: row.timestamp });
    }
    const seen = await findStoredEvents(client, identified);
    const duplicates = new Map<string, number>();
    const fresh = rows.filter((row) => {
      if (row.seq === null) return true;
      const key = eventKey(row.producerId, row.seq, row.timestamp);
      if (!seen.has(key)) {
        seen.add(key);
        return true;
      }
      duplicates.set(row.producerId, (duplicates.get(row.producerId) ?? 0) + 1);
      return false;
    });
    await insertLines(client, INSERT_LOGS, fresh.map((row) => row.json));
    if (duplicates.size > 0) await onDuplicates?.(duplicates);
  };
}

const INSERT_DUPLICATES = `INSERT INTO ${DATABASE}.${DUPLICATES_TABLE} (minute, producer_id, duplicates) FORMAT JSONEachRow`;

/** Adds counts of absorbed duplicates per producer to logs.ingest_duplicates (for the delivery audit). */
export async function recordDuplicates(client: ClickHouseClient, duplicatesByProducer: ReadonlyMap<string, number>): Promise<void> {
  const minute = Math.floor(Date.now() / 60_000) * 60;
  const lines = [...duplicatesByProducer].map(([producer_id, duplicates]) => JSON.stringify({ minute, producer_id, duplicates }));
  await insertLines(client, INSERT_DUPLICATES, lines);
}

/** Writes rejected lines into logs.ingest_errors. */
export function deadLetterWriter(client: ClickHouseClient): WriteBatch<DeadLetter> {
  return (letters) => insertLines(client, INSERT_DEAD_LETTERS, letters.map((letter) => JSON.stringify(letter)));
}

async function insertLines(client: ClickHouseClient, query: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  const result = await client.exec({ query, values: Readable.from([lines.join('\n')]) });
  result.stream.resume();
}
