/**
 * The library side of the export: the api streams pages of searchLogs with keyset cursors and
 * writes each row as a JSON line; this does the same work without HTTP, counting the rows.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { searchLogs, type LogCursor, type LogFilters } from '@logline/ch-client';

const PAGE_ROWS = 5000;
/** Bounds the loop whatever the data: far more pages than any bench export needs. */
const MAX_PAGES = 10_000;

export async function exportAll(client: ClickHouseClient, filters: LogFilters): Promise<number> {
  const closed = { ...filters, toMs: Date.now() + 1 };
  let after: LogCursor | undefined;
  let rows = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await searchLogs(client, { ...closed, order: 'desc', after, limit: PAGE_ROWS });
    const text = result.rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
    rows += text.length > 1 ? result.rows.length : 0;
    if (!result.next) break;
    after = result.next;
  }
  return rows;
}
