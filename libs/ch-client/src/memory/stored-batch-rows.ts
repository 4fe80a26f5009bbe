/**
 * The rows of a batch the api has just stored, as the live tail reads them from the table: only
 * those matching the filters (which must be decidable in memory, see filtersHeldInMemory), as
 * StoredLogs in row-key order — the order the table gives rows sharing one `ingested_at`.
 */
import type { StoredLog } from '@logline/log-schema';
import type { StoredBatch } from '../insert/log-row-writer';
import { toStoredLog } from '../sql/log-record';
import type { LogFilters } from '../sql/log-filters';
import { matchesFilters } from './filter-in-memory';
import { rowKeyOf } from './row-key';

export interface StoredBatchRows {
  rows: StoredLog[];
  /** The row key of the last row, as the tail's position names it. */
  lastRowKey: string | undefined;
}

export function storedBatchRows({ ingestedMs, rows }: StoredBatch, filters: LogFilters): StoredBatchRows {
  const matching = rows.filter(({ row }) => matchesFilters(row, filters)).map((prepared) => ({ prepared, key: rowKeyOf(prepared.row) }));
  matching.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const stored = matching.map(({ prepared: { row, timestampMs, patternId }, key }) =>
    toStoredLog({ ...row, pattern_id: patternId, ts_ms: timestampMs, ingested_ms: ingestedMs, row_key: key.toString() }),
  );
  return { rows: stored, lastRowKey: matching.at(-1)?.key.toString() };
}
