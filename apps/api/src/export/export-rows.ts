/**
 * Streams the whole result of a query, page by page with keyset cursors, so an export has no
 * row cap and holds one page in memory whichever storage answers. The range is closed at the
 * moment the export starts, so rows arriving meanwhile neither extend nor shift it.
 */
import { Readable } from 'node:stream';
import type { ExportFormat } from '@logline/api-contract';
import type { LogCursor, LogFilters, SortOrder, Store } from '@logline/ch-client';
import type { StoredLog } from '@logline/log-schema';
import { stringify } from 'csv-stringify';

const PAGE_ROWS = 5000;


/** Where export pages are read. */
export type ExportSource = Pick<Store, 'searchLogs'>;

async function* exportPages(source: ExportSource, filters: LogFilters, order: SortOrder): AsyncGenerator<StoredLog[]> {
  const closed = { ...filters, toMs: Math.min(filters.toMs ?? Date.now() + 1, Date.now() + 1) };
  let after: LogCursor | undefined;
  do {
    const page = await source.searchLogs({ ...closed, order, after, limit: PAGE_ROWS });
    if (page.rows.length > 0) yield page.rows;
    after = page.next ?? undefined;
  } while (after);
}

export function exportStream(source: ExportSource, filters: LogFilters, order: SortOrder, format: ExportFormat): Readable {
  if (format === 'ndjson') {
    return Readable.from(
      (async function* () {
        for await (const rows of exportPages(source, filters, order)) {
          yield rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
        }
      })(),
    );
  }
  const csv = stringify({ header: true, columns: CSV_COLUMNS, cast: { string: neutraliseFormula } });
  Readable.from(
    (async function* () {
      for await (const rows of exportPages(source, filters, order)) yield* rows.map(toCsvRecord);
    })(),
  )
    .on('error', (error) => csv.destroy(error))
    .pipe(csv);
  return csv;
}

const CSV_COLUMNS = ['timestamp', 'log_level', 'source', 'host', 'producer_id', 'seq', 'message', 'attributes', 'trace_id', 'span_id', 'pattern_id'];

function toCsvRecord(row: StoredLog): Record<string, string> {
  return {
    timestamp: row.timestamp,
    log_level: row.log_level,
    source: row.source,
    host: row.host,
    producer_id: row.producer_id,
    seq: row.seq === null ? '' : String(row.seq),
    message: row.message,
    attributes: JSON.stringify(row.attributes),
    trace_id: row.trace_id,
    span_id: row.span_id,
    pattern_id: row.pattern_id,
  };
}

/**
 * Spreadsheets run cells that start with = + - @ (or a tab/CR before them) as formulas; a leading
 * apostrophe makes them text (OWASP's advice for CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
