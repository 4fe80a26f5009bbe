/**
 * A stats command over the events the filters match: its functions per group of the `by` fields'
 * values, the busiest groups first (by the first function), as a table and, on request, per time
 * bucket for those groups. The work is bounded: at most `limit` groups come back, and a GROUP BY
 * past a million distinct groups, like any read past the reader's time and memory limits,
 * fails with StatsTooLargeError instead of running on. `pattern` groups by the patterns the
 * Patterns view lists for the same filters and range (see stats-patterns.ts).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { PATTERN_FIELD, type StatsSpec } from '@logline/search-syntax';
import { StatsTooLargeError } from '../errors';
import type { PatternGroupsWriter } from '../insert/save-pattern-groups';
import { filterConditions, whereClause, type LogFilters } from '../sql/log-filters';
import { selectRows } from '../sql/run-query';
import { bind, identifier, join, sql, type SqlFragment } from '../sql/sql';
import { aggregationSql, fieldText } from '../sql/stats-expressions';
import { timeBucketMs } from '../sql/time-bucket';
import type { HistogramRequest } from './count-histogram';
import { resolveStatsPatterns, statsUsePattern } from './stats-patterns';

export interface AggregateRequest {
  readonly stats: StatsSpec;
  /** Groups to return at most, the busiest first. */
  readonly limit: number;
  /** Also compute the returned groups per time bucket over this range (which replaces the filters' own). */
  readonly overTime?: HistogramRequest;
  /** Events dated before this may have expired from the raw table (as PatternListRequest's: `pattern` counts as the Patterns view does). */
  readonly expiringBeforeMs?: number;
}

/** The values of the `by` fields and of each function, in the order the command names them. */
export interface AggregateRow {
  readonly by: readonly string[];
  /** Null where a function had no number to work on. */
  readonly values: readonly (number | null)[];
}

export interface AggregateResult {
  readonly rows: readonly AggregateRow[];
  /** More groups exist than were returned. */
  readonly hasMore: boolean;
  /** With overTime: the returned groups' values per bucket (buckets without events are absent). */
  readonly buckets?: readonly (AggregateRow & { readonly bucketMs: number })[];
  /** With `by pattern`: the template of each pattern id among the rows. */
  readonly patternTemplates?: Readonly<Record<string, string>>;
}

type ResultRow = Record<string, string | number | null>;

export async function aggregateLogs(
  client: ClickHouseClient,
  saveGroups: PatternGroupsWriter,
  filters: LogFilters,
  request: AggregateRequest,
): Promise<AggregateResult> {
  const { stats, overTime } = request;
  const scope = overTime ? { ...filters, fromMs: overTime.fromMs, toMs: overTime.toMs } : filters;
  const patterns = statsUsePattern(stats) ? await resolveStatsPatterns(client, saveGroups, scope, request.expiringBeforeMs) : undefined;
  const columns = { stats, listedPattern: patterns?.column };
  const table = await run(client, groupsQuery(columns, scope, request.limit));
  const rows = table.slice(0, request.limit).map((row) => toAggregateRow(row, stats));
  const patternAt = stats.by.indexOf(PATTERN_FIELD);
  const patternTemplates = patterns && patternAt >= 0 ? await patterns.describe(rows.map((row) => row.by[patternAt])) : undefined;
  const result = { rows, hasMore: table.length > request.limit, patternTemplates };
  if (!overTime || rows.length === 0) return overTime ? { ...result, buckets: [] } : result;
  const buckets = await run(client, bucketsQuery(columns, scope, overTime.bucketSeconds, rows));
  return { ...result, buckets: buckets.map((row) => ({ bucketMs: Number(row.bucket_ms), ...toAggregateRow(row, stats) })) };
}

/** The stats command and how `pattern` reads in it (see stats-patterns.ts). */
interface StatsColumns {
  readonly stats: StatsSpec;
  readonly listedPattern?: SqlFragment;
}

/** `g0, g1, …, a0, a1, …`: the by fields and the functions, named by position. */
function selected({ stats, listedPattern }: StatsColumns): SqlFragment {
  const by = stats.by.map((field, index) => sql`${fieldText(field, listedPattern)} AS ${alias('g', index)}`);
  const values = stats.aggregations.map((aggregation, index) => sql`${aggregationSql(aggregation, listedPattern)} AS ${alias('a', index)}`);
  return join([...by, ...values], ', ');
}

function groupsQuery(columns: StatsColumns, filters: LogFilters, limit: number): SqlFragment {
  const groupKeys = columns.stats.by.map((_, index) => alias('g', index));
  const groupBy = groupKeys.length > 0 ? sql`GROUP BY ${join(groupKeys, ', ')}` : sql``;
  return sql`SELECT ${selected(columns)}
             FROM logs.application_logs
             ${whereClause(filterConditions(filters))}
             ${groupBy}
             ORDER BY ${join([sql`${alias('a', 0)} DESC NULLS LAST`, ...groupKeys], ', ')}
             LIMIT ${bind(limit + 1, 'UInt32')}
             ${GROUPING_LIMITS}`;
}

/** The chosen groups per bucket; a group's values are bound like every other value. */
function bucketsQuery(columns: StatsColumns, filters: LogFilters, bucketSeconds: number, groups: readonly AggregateRow[]): SqlFragment {
  const { stats, listedPattern } = columns;
  const conditions = filterConditions(filters);
  if (stats.by.length > 0) {
    const fields = join(stats.by.map((field) => fieldText(field, listedPattern)), ', ');
    const values = groups.map((group) => sql`(${join(group.by.map((value) => sql`${value}`), ', ')})`);
    conditions.push(sql`(${fields}) IN (${join(values, ', ')})`);
  }
  const groupKeys = stats.by.map((_, index) => alias('g', index));
  return sql`SELECT ${timeBucketMs(bucketSeconds)} AS bucket_ms, ${selected(columns)}
             FROM logs.application_logs
             ${whereClause(conditions)}
             GROUP BY ${join([sql`bucket_ms`, ...groupKeys], ', ')}
             ORDER BY bucket_ms
             ${GROUPING_LIMITS}`;
}

/** Settings take no parameters: the limit is written here, and StatsTooLargeError says it. */
const GROUPING_LIMITS = sql`SETTINGS max_rows_to_group_by = 1000000, group_by_overflow_mode = 'throw'`;

/** `g0`, `a1`: a column of the result, named by position in code. */
function alias(prefix: 'g' | 'a', index: number): SqlFragment {
  return sql`${identifier(`${prefix}${index}`)}`;
}

function toAggregateRow(row: ResultRow, stats: StatsSpec): AggregateRow {
  return {
    by: stats.by.map((_, index) => String(row[`g${index}`] ?? '')),
    values: stats.aggregations.map((_, index) => toNumber(row[`a${index}`])),
  };
}

function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

async function run(client: ClickHouseClient, query: SqlFragment): Promise<ResultRow[]> {
  try {
    return await selectRows<ResultRow>(client, query);
  } catch (error) {
    throw StatsTooLargeError.from(error) ?? error;
  }
}
