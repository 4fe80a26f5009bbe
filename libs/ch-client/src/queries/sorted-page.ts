/**
 * One page of events sorted by level (severity) or source, then time, then row key. Sorting every
 * match would read the row key and every selected column of every match; instead a first query
 * finds where the page ends by (column, time) alone — two small columns — and the page query
 * reads only rows up to there.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { LOG_LEVELS } from '@logline/log-schema';
import { dateTime64, filterConditions, filterSettings, whereClause, type LogFilters } from '../sql/log-filters';
import { ROW_KEY, searchRowColumns, type LogRecord } from '../sql/log-record';
import type { PageCursor, SortKey } from '../cursors/page-cursor';
import { selectRows } from '../sql/run-query';
import { bind, join, sql } from '../sql/sql';

export type SortedKey = Exclude<SortKey, 'time'>;
type Order = 'asc' | 'desc';

export async function querySortedPage(
  client: ClickHouseClient,
  filters: LogFilters & { limit: number },
  sort: SortedKey,
  order: Order,
  after?: PageCursor,
): Promise<LogRecord[]> {
  const boundary = await pageEnd(client, filters, sort, order, after);
  const rows = await pageRows(client, filters, sort, order, after, boundary);
  // Rows tied with the cursor on (column, time) but before it by row key make the boundary
  // reach short; then read the page without it.
  if (boundary && rows.length <= filters.limit) return pageRows(client, filters, sort, order, after);
  return rows;
}

/**
 * (column, time) of the page's last row plus one, from those columns alone; none if fewer rows.
 * Past a cursor, the cursor's own row is among those counted: one more.
 */
async function pageEnd(client: ClickHouseClient, filters: LogFilters & { limit: number }, sort: SortedKey, order: Order, after?: PageCursor) {
  const conditions = filterConditions(filters);
  if (after) conditions.push(tupleAfter(sql`(${column(sort)}, timestamp)`, sql`(${cursorValue(sort, after)}, ${dateTime64(after.timestampMs)})`, order, true));
  const direction = order === 'asc' ? sql`ASC` : sql`DESC`;
  const [end] = await selectRows<{ value: string; ts_ms: string }>(
    client,
    sql`SELECT toString(${column(sort)}) AS value, toUnixTimestamp64Milli(timestamp) AS ts_ms
        FROM logs.application_logs
        ${whereClause(conditions)}
        ORDER BY ${column(sort)} ${direction}, timestamp ${direction}
        LIMIT 1 OFFSET ${bind(after ? filters.limit + 1 : filters.limit, 'UInt32')}
        ${filterSettings(filters)}`,
  );
  return end;
}

async function pageRows(
  client: ClickHouseClient,
  filters: LogFilters & { limit: number },
  sort: SortedKey,
  order: Order,
  after?: PageCursor,
  end?: { value: string; ts_ms: string },
) {
  const conditions = filterConditions(filters);
  // Bounds on (column, time) alone go in PREWHERE: read first, from two small columns, so the
  // other columns are read only for the rows within them.
  const bounds = [];
  if (after) {
    bounds.push(tupleAfter(sql`(${column(sort)}, timestamp)`, sql`(${cursorValue(sort, after)}, ${dateTime64(after.timestampMs)})`, order, true));
    const at = sql`(${cursorValue(sort, after)}, ${dateTime64(after.timestampMs)}, ${bind(after.rowKey, 'UInt64')})`;
    conditions.push(tupleAfter(sql`(${column(sort)}, timestamp, ${ROW_KEY})`, at, order, false));
  }
  if (end) {
    const value = sort === 'level' ? bind(end.value, 'UInt64') : bind(end.value, 'String');
    // Up to and including the boundary: the page's last row is among them.
    bounds.push(tupleAfter(sql`(${value}, ${dateTime64(Number(end.ts_ms))})`, sql`(${column(sort)}, timestamp)`, order, true));
  }
  // A page within one level or source is also within one span of time: say so, so the primary
  // key (time) skips the rest.
  if (after && end && end.value === positionValue(sort, after)) {
    const [from, to] = [after.timestampMs, Number(end.ts_ms)].sort((a, b) => a - b);
    conditions.push(sql`timestamp >= ${dateTime64(from)} AND timestamp <= ${dateTime64(to)}`);
  }
  const prewhere = bounds.length > 0 ? sql`PREWHERE ${join(bounds, ' AND ')}` : sql``;
  const direction = order === 'asc' ? sql`ASC` : sql`DESC`;
  return selectRows<LogRecord>(
    client,
    sql`SELECT ${searchRowColumns()}
        FROM logs.application_logs
        ${prewhere}
        ${whereClause(conditions)}
        ORDER BY ${column(sort)} ${direction}, timestamp ${direction}, ${ROW_KEY} ${direction}
        LIMIT ${bind(filters.limit + 1, 'UInt32')}
        ${filterSettings(filters)}`,
  );
}

/** Levels sort by severity (DEBUG lowest), not by name. */
function column(sort: SortedKey) {
  return sort === 'level' ? sql`indexOf(${bind(LOG_LEVELS, 'Array(String)')}, log_level)` : sql`source`;
}

function cursorValue(sort: SortedKey, cursor: PageCursor) {
  return sort === 'level'
    ? sql`indexOf(${bind(LOG_LEVELS, 'Array(String)')}, ${bind(cursor.sortValue ?? '', 'String')})`
    : bind(cursor.sortValue ?? '', 'String');
}

/** The cursor's column value as pageEnd reports one: a level's rank (1-based), or the source. */
function positionValue(sort: SortedKey, cursor: PageCursor): string {
  return sort === 'level' ? String(LOG_LEVELS.indexOf(cursor.sortValue as never) + 1) : (cursor.sortValue ?? '');
}

/** `row` comes after `at` in `order` (or equals it, when `inclusive`): one tuple comparison. */
function tupleAfter(row: ReturnType<typeof sql>, at: ReturnType<typeof sql>, order: Order, inclusive: boolean) {
  if (order === 'asc') return inclusive ? sql`${row} >= ${at}` : sql`${row} > ${at}`;
  return inclusive ? sql`${row} <= ${at}` : sql`${row} < ${at}`;
}
