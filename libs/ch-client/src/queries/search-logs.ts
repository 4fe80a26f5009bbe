/**
 * The explorer's main query: matching events, newest (or oldest) first — or by level (severity)
 * or source, then time — with keyset paging both ways.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { StoredLog } from '@logline/log-schema';
import { dateTime64, filterConditions, filterSettings, whereClause, type LogFilters } from '../sql/log-filters';
import { ROW_KEY, searchRowColumns, toStoredLog, type LogRecord } from '../sql/log-record';
import type { PageCursor, SortKey } from '../cursors/page-cursor';
import type { RecentLogs } from '../memory/recent-logs';
import { querySortedPage } from './sorted-page';
import { selectRows } from '../sql/run-query';
import { findStoredSpan, type StoredSpan } from './find-stored-span';
import { bind, sql } from '../sql/sql';

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
  /** What answered: the newest events held in memory, or the table. */
  answeredBy: 'memory' | 'table';
}

/**
 * `recent`: the sole writer's newest events in memory; a time-ordered page lying among them is
 * answered from there, exactly as the table would answer it.
 */
export async function searchLogs(client: ClickHouseClient, options: SearchLogsOptions, recent?: RecentLogs): Promise<SearchLogsResult> {
  const cursorOf = (record: LogRecord) => positionOf(record, options.sort);
  let answeredBy: SearchLogsResult['answeredBy'] = 'memory';
  const fetch = (order: SortOrder, after?: PageCursor) => {
    const held = (options.sort ?? 'time') === 'time' ? recent?.page(options, order, after) : undefined;
    if (held) return held;
    answeredBy = 'table';
    return fetchPage(client, options, order, after);
  };
  if (options.before) {
    const reversed = await fetch(options.order === 'asc' ? 'desc' : 'asc', options.before);
    const rows = reversed.slice(0, options.limit).reverse();
    return {
      rows: rows.map(toStoredLog),
      prev: reversed.length > options.limit && rows[0] ? cursorOf(rows[0]) : null,
      next: rows.length > 0 ? cursorOf(rows[rows.length - 1]) : options.before,
      answeredBy,
    };
  }
  const records = await fetch(options.order, options.after);
  const rows = records.slice(0, options.limit);
  return {
    rows: rows.map(toStoredLog),
    next: records.length > options.limit && rows.length > 0 ? cursorOf(rows[rows.length - 1]) : null,
    prev: options.after && rows[0] ? cursorOf(rows[0]) : null,
    answeredBy,
  };
}

/** The newest `count` events (all of them when fewer are stored), newest first, in page order. */
export function readNewestRecords(client: ClickHouseClient, count: number): Promise<LogRecord[]> {
  return fetchPage(client, { limit: count - 1 }, 'desc');
}

/**
 * Spans tried, nearest first, before the open-ended query: a page is almost always near where it
 * starts, and a bounded range lets the primary key skip everything else. The newest page starts a
 * day ahead (events may be dated up to a day ahead), so it begins with 26 h; a page that starts
 * at a cursor or a given time (next pages, an event's context) begins with an hour.
 */
const WINDOWS_MS = [3_600_000, 26 * 3_600_000, 8 * 86_400_000, 32 * 86_400_000];
const NEWEST_WINDOWS_MS = WINDOWS_MS.slice(1);

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
      span ??= await findStoredSpan(client);
      if (reach(window, span) >= WORTHWHILE_REACH) break;
    }
    const records = await queryPage(client, { ...filters, ...window.bounds }, order, after);
    if (records.length > filters.limit) return records;
    span ??= await findStoredSpan(client);
    if (holdsRest(window, span)) return records;
  }
  return queryPage(client, filters, order, after);
}

/** A window covering at least this share of the stored span is read as the open-ended query. */
const WORTHWHILE_REACH = 0.9;

/**
 * The share of the stored events' time span, on the window's open side, that the window covers
 * (only a guide: skipping a window for the open query is always correct).
 */
function reach(window: TimeWindow, span: StoredSpan): number {
  const { oldestMs, newestMs } = span;
  if (holdsRest(window, span) || oldestMs === undefined || newestMs === undefined) return 1;
  const { bounds, origin } = window;
  if (bounds.fromMs !== undefined) {
    const start = Math.min(origin, newestMs);
    return (start - bounds.fromMs) / Math.max(1, start - oldestMs);
  }
  const start = Math.max(origin, oldestMs);
  return ((bounds.toMs ?? newestMs) - start) / Math.max(1, newestMs - start);
}

/** True when no stored event lies beyond the window's bound (`fromMs` inclusive, `toMs` exclusive). */
function holdsRest({ bounds }: TimeWindow, { oldestMs, newestMs }: StoredSpan): boolean {
  if (oldestMs === undefined || newestMs === undefined) return true;
  if (bounds.fromMs !== undefined) return bounds.fromMs <= oldestMs;
  return bounds.toMs === undefined || bounds.toMs > newestMs;
}

/** A narrower range to read first: a bound on the scan's open side, `origin` where the scan starts. */
interface TimeWindow {
  bounds: Pick<LogFilters, 'fromMs' | 'toMs'>;
  origin: number;
}

function windowsFor(filters: PageFilters, order: SortOrder, after?: PageCursor): TimeWindow[] {
  if (order === 'desc' && filters.fromMs === undefined) {
    const newest = !after && filters.toMs === undefined;
    const end = after ? after.timestampMs + 1 : (filters.toMs ?? Date.now() + 86_400_000 + 1);
    return (newest ? NEWEST_WINDOWS_MS : WINDOWS_MS).map((span) => ({ bounds: { fromMs: end - span }, origin: end }));
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
        LIMIT ${bind(filters.limit + 1, 'UInt32')}
        ${filterSettings(filters)}`,
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
