/**
 * A batch of log rows as one block of ClickHouse's Native format: column by column and typed, so
 * the engine copies values instead of parsing JSON text. Per 20,000-event batch on this machine:
 * JSON.stringify 50 ms + the engine's JSONEachRow insert 219 ms, against this encoder 34 ms + the
 * engine's Native insert 88 ms (the engine's own ceiling from a file: 80 ms). LowCardinality
 * columns are sent as String; the engine converts them on insert.
 */
import { BinaryWriter } from './binary-writer';
import type { PreparedLogRow } from './prepared-row';

type StringField = 'log_level' | 'message' | 'source' | 'host' | 'producer_id' | 'trace_id' | 'span_id';

interface Column {
  name: string;
  type: string;
  write(out: BinaryWriter, rows: readonly PreparedLogRow[], ingestedMs: number): void;
}

const stringColumn = (name: StringField): Column => ({
  name,
  type: 'String',
  write: (out, rows) => {
    for (const { row } of rows) out.string(row[name]);
  },
});

const DATE_TIME_64 = "DateTime64(3, 'UTC')";

/** The columns written, in this order: the insert names the same. */
const COLUMNS: readonly Column[] = [
  { name: 'timestamp', type: DATE_TIME_64, write: (out, rows) => rows.forEach(({ timestampMs }) => out.uint64(timestampMs)) },
  stringColumn('log_level'),
  stringColumn('message'),
  stringColumn('source'),
  stringColumn('host'),
  stringColumn('producer_id'),
  { name: 'seq', type: 'Nullable(UInt64)', write: writeSeqs },
  { name: 'attributes', type: 'Map(String, String)', write: writeAttributes },
  stringColumn('trace_id'),
  stringColumn('span_id'),
  { name: 'pattern_id', type: 'String', write: (out, rows) => rows.forEach(({ patternId }) => out.string(patternId)) },
  { name: 'ingested_at', type: DATE_TIME_64, write: (out, rows, ingestedMs) => rows.forEach(() => out.uint64(ingestedMs)) },
];

/** The block's column names, in order. */
export const NATIVE_LOG_COLUMNS: readonly string[] = COLUMNS.map((column) => column.name);

/** One Native block of `rows`, each stamped `ingested_at` = `ingestedMs` (epoch ms). */
export function encodeNativeLogBlock(rows: readonly PreparedLogRow[], ingestedMs: number): Buffer {
  const out = new BinaryWriter(rows.length * 192);
  out.varUInt(COLUMNS.length);
  out.varUInt(rows.length);
  for (const column of COLUMNS) {
    out.string(column.name);
    out.string(column.type);
    column.write(out, rows, ingestedMs);
  }
  return out.bytes();
}

/** Nullable: a null map (1 = NULL) for every row, then a value for every row (0 where NULL). */
function writeSeqs(out: BinaryWriter, rows: readonly PreparedLogRow[]): void {
  for (const { row } of rows) out.uint8(row.seq === null ? 1 : 0);
  for (const { row } of rows) out.uint64(row.seq ?? 0);
}

/** Map: each row's end offset into all pairs (UInt64, cumulative), then every key, then every value. */
function writeAttributes(out: BinaryWriter, rows: readonly PreparedLogRow[]): void {
  const pairs = rows.map(({ row }) => Object.entries(row.attributes));
  let end = 0;
  for (const entries of pairs) out.uint64((end += entries.length));
  for (const entries of pairs) for (const [key] of entries) out.string(key);
  for (const entries of pairs) for (const [, value] of entries) out.string(value);
}
