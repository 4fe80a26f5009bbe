/** The insert of log rows, each event identity stored once: rows already stored are dropped first. */
import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, formatClickHouseTime, LOGS_TABLE } from '@logline/log-schema';
import type { RecentLogs } from '../memory/recent-logs';
import type { WriteBatch } from './batch-inserter';
import { findHighestSeqs, findStoredEvents, type EventIdentity } from './find-stored-events';
import { insertLines } from './insert-lines';
import { StoredSeqRanges } from './stored-seq-ranges';
import { eventKey, type PreparedLogRow } from './prepared-row';

const INSERT_LOGS = `INSERT INTO ${DATABASE}.${LOGS_TABLE}
  (timestamp, log_level, message, source, host, producer_id, seq, attributes, trace_id, span_id, pattern_id, ingested_at) FORMAT JSONEachRow`;

/** Called with the number of rows dropped as already stored (or repeated in the batch), per producer. */
export type DuplicatesListener = (duplicatesByProducer: ReadonlyMap<string, number>) => void | Promise<void>;

export interface LogRowWriterOptions {
  /**
   * True when this writer is the only one of logs.application_logs: the embedded engine (one
   * process per data directory) with one log writer per process. It then remembers the seqs it
   * stored, and rows beyond them skip the duplicate-check SELECT (see StoredSeqRanges).
   * Default false: every row with a seq is checked against the table.
   */
  soleWriter?: boolean;
  /** The sole writer's newest events in memory: every insert is made through it (see RecentLogs). */
  recent?: RecentLogs;
}

/**
 * Writes rows into logs.application_logs exactly once per event identity: rows with a seq whose
 * (producer_id, seq, timestamp) is already stored, or repeated within the batch, are dropped.
 * Inserts are serialised by the BatchInserter, so the check and the insert cannot interleave
 * with another batch of this process.
 */
export function createLogRowWriter(
  client: ClickHouseClient,
  onDuplicates?: DuplicatesListener,
  options: LogRowWriterOptions = {},
): WriteBatch<PreparedLogRow> {
  const known = options.soleWriter ? new StoredSeqRanges() : undefined;
  return async (rows) => {
    const seen = await findStored(client, rows, known);
    const duplicates = new Map<string, number>();
    const fresh = rows.filter(({ row }) => {
      if (row.seq === null) return true;
      const key = eventKey(row.producer_id, row.seq, row.timestamp);
      if (!seen.has(key)) {
        seen.add(key);
        return true;
      }
      duplicates.set(row.producer_id, (duplicates.get(row.producer_id) ?? 0) + 1);
      return false;
    });
    // ingested_at is stamped here rather than by the column's default, so the rows held in
    // memory carry the value stored. (Still the insert's start: the live tail relies on that.)
    const ingestedMs = Date.now();
    const stamp = `,"ingested_at":"${formatClickHouseTime(ingestedMs)}"}`;
    const insert = () => insertLines(client, INSERT_LOGS, fresh.map((prepared) => prepared.json.slice(0, -1) + stamp));
    try {
      await (options.recent ? options.recent.store(fresh, ingestedMs, insert) : insert());
    } catch (error) {
      // A failed insert may have stored part of its rows: what was known of them no longer holds.
      known?.forget(new Set(fresh.map(({ row }) => row.producer_id)));
      throw error;
    }
    if (known) recordStored(known, fresh);
    if (duplicates.size > 0) await onDuplicates?.(duplicates);
  };
}

/** Keys of the batch's stored events; only rows the sole writer cannot vouch for are looked up. */
async function findStored(client: ClickHouseClient, rows: readonly PreparedLogRow[], known?: StoredSeqRanges): Promise<Set<string>> {
  if (known) {
    const unwatched = known.unwatched(new Set(rows.filter(({ row }) => row.seq !== null).map(({ row }) => row.producer_id)));
    if (unwatched.length > 0) {
      const highest = await findHighestSeqs(client, unwatched);
      for (const producer of unwatched) known.watch(producer, highest.get(producer) ?? -1);
    }
  }
  const unsure: EventIdentity[] = [];
  for (const { row } of rows) {
    if (row.seq === null || known?.isUnstored(row.producer_id, row.seq)) continue;
    unsure.push({ producerId: row.producer_id, seq: row.seq, timestamp: row.timestamp });
  }
  return findStoredEvents(client, unsure);
}

function recordStored(known: StoredSeqRanges, rows: readonly PreparedLogRow[]): void {
  const seqsByProducer = new Map<string, number[]>();
  for (const { row } of rows) {
    if (row.seq === null) continue;
    const seqs = seqsByProducer.get(row.producer_id);
    if (seqs) seqs.push(row.seq);
    else seqsByProducer.set(row.producer_id, [row.seq]);
  }
  for (const [producer, seqs] of seqsByProducer) known.record(producer, seqs);
}
