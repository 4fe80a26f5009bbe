/**
 * The library side of the export: the api streams pages of searchLogs with keyset cursors and
 * writes each row as a JSON line; this does the same work without HTTP, counting the rows.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { searchLogs, type LogCursor, type LogFilters } from '@logline/ch-client';
import type { StoredLog } from '@logline/log-schema';

const PAGE_ROWS = 5000;
/** Bounds the loop whatever the data: far more pages than any bench export needs. */
const MAX_PAGES = 10_000;

export async function exportAll(client: ClickHouseClient, filters: LogFilters): Promise<number> {
  let rows = 0;
  for await (const page of storedPages(client, filters)) {
    const text = page.map((row) => JSON.stringify(row)).join('\n') + '\n';
    rows += text.length > 1 ? page.length : 0;
  }
  return rows;
}

/** Every stored row matching `filters`, newest first, a page at a time, as the api's export reads them. */
export async function* storedPages(client: ClickHouseClient, filters: LogFilters): AsyncGenerator<StoredLog[]> {
  const closed = { ...filters, toMs: Date.now() + 1 };
  let after: LogCursor | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await searchLogs(client, { ...closed, order: 'desc', after, limit: PAGE_ROWS });
    yield result.rows;
    if (!result.next) break;
    after = result.next;
  }
}
