/** The insert of log rows, each event identity stored once: rows already stored are dropped first. */
import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, formatClickHouseTime, LOGS_TABLE } from '@logline/log-schema';
import type { RecentLogs } from '../memory/recent-logs';
import type { WriteBatch } from './batch-inserter';
import { findHighestSeqs, findStoredEvents, type EventIdentity } from './find-stored-events';
import { insertLines } from './insert-lines';
import type { NativeBlockInserter } from './native-block-inserter';
import { encodeNativeLogBlock, NATIVE_LOG_COLUMNS } from './native-log-block';
import { StoredSeqRanges } from './stored-seq-ranges';
import { eventKey, type PreparedLogRow } from './prepared-row';

const LOGS = `${DATABASE}.${LOGS_TABLE}`;
const INSERT_LOGS_JSON = `INSERT INTO ${LOGS} (${NATIVE_LOG_COLUMNS.join(', ')}) FORMAT JSONEachRow`;

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
  /**
   * The embedded engine's inserter: rows go as Native blocks (see native-log-block.ts). Without
   * it, as JSONEachRow text (a ClickHouse server, or the HTTP front that stands in for one here,
   * which takes text only).
   */
  native?: NativeBlockInserter;
  /** Told of every insert as it settles, in insert order (the embedded api's live tail). */
  listener?: InsertListener;
  /**
   * The client the duplicate check reads through. Default: the writer. The api passes its reader,
   * because its writer user on a server may only insert (deploy/clickhouse/users.d).
   */
  reader?: ClickHouseClient;
}

/** Rows just stored and visible to queries, all stamped `ingested_at` = `ingestedMs`. */
export interface StoredBatch {
  ingestedMs: number;
  rows: readonly PreparedLogRow[];
}

export interface InsertListener {
  stored(batch: StoredBatch): void;
  /** The insert stamped `ingestedMs` failed: it may have stored part of its rows. */
  failed(ingestedMs: number): void;
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
  const insertRows = options.native ? nativeInsert(options.native) : jsonInsert(client);
  let lastStampMs = 0;
  return async (rows) => {
    const seen = await findStored(options.reader ?? client, rows, known);
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
    // memory carry the value stored. It is the insert's start (the polled live tail relies on
    // that), and later than the last insert's, so batches sort by it in the order they were
    // stored (the pushed live tail relies on that).
    const ingestedMs = Math.max(Date.now(), lastStampMs + 1);
    lastStampMs = ingestedMs;
    const insert = () => insertRows(fresh, ingestedMs);
    try {
      await (options.recent ? options.recent.store(fresh, ingestedMs, insert) : insert());
    } catch (error) {
      // A failed insert may have stored part of its rows: what was known of them no longer holds.
      known?.forget(new Set(fresh.map(({ row }) => row.producer_id)));
      options.listener?.failed(ingestedMs);
      throw error;
    }
    if (known) recordStored(known, fresh);
    if (fresh.length > 0) options.listener?.stored({ ingestedMs, rows: fresh });
    if (duplicates.size > 0) await onDuplicates?.(duplicates);
  };
}

type InsertRows = (rows: readonly PreparedLogRow[], ingestedMs: number) => Promise<void>;

function nativeInsert(native: NativeBlockInserter): InsertRows {
  return async (rows, ingestedMs) => {
    if (rows.length > 0) await native.insert(LOGS, NATIVE_LOG_COLUMNS, encodeNativeLogBlock(rows, ingestedMs));
  };
}

function jsonInsert(client: ClickHouseClient): InsertRows {
  return (rows, ingestedMs) => {
    const ingested_at = formatClickHouseTime(ingestedMs);
    return insertLines(client, INSERT_LOGS_JSON, rows.map(({ row, patternId }) => JSON.stringify({ ...row, pattern_id: patternId, ingested_at })));
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
