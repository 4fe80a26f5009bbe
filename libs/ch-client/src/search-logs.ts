/**
 * The explorer's main query: matching events, newest (or oldest) first — or by level (severity)
 * or source, then time — with keyset paging both ways.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { StoredLog } from '@logline/log-schema';
import { dateTime64, filterConditions, whereClause, type LogFilters } from './log-filters';
import { ROW_KEY, searchRowColumns, toStoredLog, type LogRecord } from './log-record';
import type { PageCursor, SortKey } from './page-cursor';
import { querySortedPage } from './sorted-page';
import { selectRows } from './run-query';
import { storedSpan, type StoredSpan } from './stored-span';
import { bind, sql } from './sql';

export type SortOrder = 'asc' | 'desc';

export interface SearchLogsOptions extends LogFilters {
  limit: number;
  order: SortOrder;
  /** The column to sort by (default time); `order` applies to it and to the time of ties. */
  sort?: SortKey;
  /** Continue after this row (in the chosen order). */
  after?: PageCursor;
  /** The page that ends just before this row (in the chosen order). */
  before?: PageCursor;
}

export interface SearchLogsResult {
  rows: StoredLog[];
  /** Cursor for the page after this one, or null when none follows. */
  next: PageCursor | null;
  /** Cursor for the page before this one, or null when this is the first page. */
  prev: PageCursor | null;
}

export async function searchLogs(client: ClickHouseClient, options: SearchLogsOptions): Promise<SearchLogsResult> {
  const cursorOf = (record: LogRecord) => positionOf(record, options.sort);
  if (options.before) {
    const reversed = await fetchPage(client, options, options.order === 'asc' ? 'desc' : 'asc', options.before);
    const rows = reversed.slice(0, options.limit).reverse();
    return {
      rows: rows.map(toStoredLog),
      prev: reversed.length > options.limit && rows[0] ? cursorOf(rows[0]) : null,
      next: rows.length > 0 ? cursorOf(rows[rows.length - 1]) : options.before,
    };
  }
  const records = await fetchPage(client, options, options.order, options.after);
  const rows = records.slice(0, options.limit);
  return {
    rows: rows.map(toStoredLog),
    next: records.length > options.limit && rows.length > 0 ? cursorOf(rows[rows.length - 1]) : null,
    prev: options.after && rows[0] ? cursorOf(rows[0]) : null,
  };
}

/**
 * Spans tried, nearest first, before the open-ended query: a page of the newest events is almost
 * always within the last day, and a bounded range lets the primary key skip everything else.
 * (Events may be dated up to a day ahead, hence 26 h.)
 */
const WINDOWS_MS = [26 * 3_600_000, 8 * 86_400_000, 32 * 86_400_000];

type PageFilters = LogFilters & { limit: number; sort?: SortKey };

async function fetchPage(client: ClickHouseClient, filters: PageFilters, order: SortOrder, after?: PageCursor) {
  // Sorted by another column, the first page may come from any time: no nearer window first.
  const windows = (filters.sort ?? 'time') === 'time' ? windowsFor(filters, order, after) : [];
  let span: StoredSpan | undefined;
  for (const [index, window] of windows.entries()) {
    // Past the first window (one query for the common case), look at what is stored: a window
    // that spans nearly all of it skips too little to be worth its own read (a rare word on a
    // week of data read it up to four times over).
    if (index > 0) {
      span ??= await storedSpan(client);
      if (reach(window, span) >= WORTHWHILE_REACH) break;
    }
    const records = await queryPage(client, { ...filters, ...window.bounds }, order, after);
    if (records.length > filters.limit) return records;
    span ??= await storedSpan(client);
    if (reach(window, span) >= 1) return records;
  }
  return queryPage(client, filters, order, after);
}

/** A window covering at least this share of the stored span is read as the open-ended query. */
const WORTHWHILE_REACH = 0.9;

/**
 * The share of the stored events' time span, on the window's open side, that the window covers
 * (1 when nothing lies beyond it).
 */
function reach({ bounds, origin }: TimeWindow, span: StoredSpan): number {
  const { oldestMs, newestMs } = span;
  if (oldestMs === undefined || newestMs === undefined) return 1;
  if (bounds.fromMs !== undefined) {
    if (bounds.fromMs <= oldestMs) return 1;
    const start = Math.min(origin, newestMs);
    return (start - bounds.fromMs) / Math.max(1, start - oldestMs);
  }
  if (bounds.toMs === undefined || bounds.toMs > newestMs) return 1;
  const start = Math.max(origin, oldestMs);
  return (bounds.toMs - start) / Math.max(1, newestMs - start);
}

/** A narrower range to read first: a bound on the scan's open side, `origin` where the scan starts. */
interface TimeWindow {
  bounds: Pick<LogFilters, 'fromMs' | 'toMs'>;
  origin: number;
}

function windowsFor(filters: PageFilters, order: SortOrder, after?: PageCursor): TimeWindow[] {
  if (order === 'desc' && filters.fromMs === undefined) {
    const end = after ? after.timestampMs + 1 : (filters.toMs ?? Date.now() + 86_400_000 + 1);
    return WINDOWS_MS.map((span) => ({ bounds: { fromMs: end - span }, origin: end }));
  }
  const begin = after?.timestampMs ?? filters.fromMs;
  if (order === 'asc' && filters.toMs === undefined && begin !== undefined) {
    return WINDOWS_MS.map((span) => ({ bounds: { toMs: begin + span }, origin: begin }));
  }
  return [];
}

async function queryPage(client: ClickHouseClient, filters: PageFilters, order: SortOrder, after?: PageCursor) {
  const sort = filters.sort ?? 'time';
  if (sort !== 'time') return querySortedPage(client, filters, sort, order, after);
  const conditions = filterConditions(filters);
  if (after) conditions.push(afterCursor(after, order));
  const direction = order === 'asc' ? sql`ASC` : sql`DESC`;
  return selectRows<LogRecord>(
    client,
    sql`SELECT ${searchRowColumns()}
        FROM logs.application_logs
        ${whereClause(conditions)}
        ORDER BY timestamp ${direction}, ${ROW_KEY} ${direction}
        LIMIT ${bind(filters.limit + 1, 'UInt32')}`,
  );
}

function afterCursor(cursor: PageCursor, order: SortOrder) {
  const at = dateTime64(cursor.timestampMs);
  const key = bind(cursor.rowKey, 'UInt64');
  return order === 'asc'
    ? sql`timestamp >= ${at} AND (timestamp > ${at} OR ${ROW_KEY} > ${key})`
    : sql`timestamp <= ${at} AND (timestamp < ${at} OR ${ROW_KEY} < ${key})`;
}

function positionOf(record: LogRecord, sort: SortKey = 'time'): PageCursor {
  const position = { timestampMs: Number(record.ts_ms), rowKey: record.row_key };
  if (sort === 'time') return position;
  return { ...position, sortValue: sort === 'level' ? record.log_level : record.source };
}
